"""The ``songngu`` command line, one module per command group; :data:`cli.main.main` is the console script.

This is the only package that imports all the others (``translate``, ``glossary``,
``models``, ``webui``): it is where the application is put together.
"""
