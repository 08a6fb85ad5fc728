"""`python build.py` is `timeline build`, for those who prefer a script."""
from timeline.cli import main

main(["build", *__import__("sys").argv[1:]])
