"""songngu's MT service: engines, segmentation, pipeline, documents, jobs, memory, CLI.

Nothing in this package imports Flask: it works as a library and from the CLI.
"""

__version__ = "0.1.0"
