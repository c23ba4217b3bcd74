"""Practice in the browser: flashcards and multiple-choice quizzes built from the data.

    context     the indexes cards and questions share, their tags (source, theme, category),
                text segments with their language, links
    cards       the flashcards (five card types)
    quiz        the multiple-choice questions and quizzes
    validate    refuses a question with two equally right options
    json_files  both as JSON: study/practice/cards.json and study/practice/quiz.json
    sheets      the printable sheets (docs/study/sheets.md)

macros/hooks/practice.py adds the two JSON files to the site; docs/study/flashcards.md
and docs/study/quiz.md load them with docs/javascripts/practice-*.js.
"""
