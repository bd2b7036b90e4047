"""Package data of budgetkg: this folder ships in the wheel as ``budgetkg.queries`` (see pyproject.toml).

The marker makes it a regular package, so ``importlib.resources`` finds it the same way from a checkout
installed with ``pip install -e .`` and from an installed wheel (see nlp/resources.py).
"""
