"""Practice in the browser: flashcards and multiple-choice quizzes built from the data.

    common     tags (source, theme, category), text segments with their language, links
    cards      the flashcards (five card types) -> study/practice/cards.json
    quiz       the multiple-choice questions and quizzes -> study/practice/quiz.json
    validate   refuses a question with two equally right options

macros/hooks/practice.py adds the two JSON files to the site; docs/study/flashcards.md
and docs/study/quiz.md load them with docs/javascripts/practice-*.js.
"""
