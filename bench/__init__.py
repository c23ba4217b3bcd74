"""The benchmark (`make bench` = `python -m bench.bench`): one module per measured row
(build_cost, scale_cost, weight, lighthouse, pdf_cost), shared timing and report, and
the helper commands build (in-process build timing, the bare capture), scale (scaled
copies) and serve (gzip static server). See bench/README.md."""
