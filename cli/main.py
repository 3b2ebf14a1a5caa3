"""The ``songngu`` command group; every command module of this package is added to it here.

Errors a user can fix, raised anywhere below, print one line and exit non-zero;
tracebacks are for bugs.
"""

from __future__ import annotations

import click

from cli.accounts import tokens, users
from cli.bench import bench_cmd
from cli.database import db
from cli.evaluate import evaluate
from cli.exchange import tmx, xliff
from cli.glossary import glossary
from cli.models import models
from cli.serve import serve
from cli.site import publish_cmd, site, unpublish_cmd
from cli.term_learning import learn_cmd, missed_cmd
from cli.translating import translate_cmd
from cli.webhooks import webhooks
from cli.worker import worker
from glossary.errors import GlossaryError
from translate.errors import SongnguError

EXIT_ERROR = 1


class SongnguGroup(click.Group):
    """Turns user errors raised anywhere below into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (SongnguError, GlossaryError) as exc:
            click.echo(f"songngu: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=SongnguGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="songngu")
def main() -> None:
    """songngu: Vietnamese<->English translation held to a managed glossary."""
    _quiet_libraries()


def _quiet_libraries() -> None:
    import logging
    import os
    import warnings

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore", module="transformers")
    logging.getLogger("transformers").setLevel(logging.ERROR)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


glossary.add_command(learn_cmd)
glossary.add_command(missed_cmd)
for _command in (translate_cmd, models, bench_cmd, evaluate, glossary, users, tokens, db, worker, serve, xliff, tmx):
    main.add_command(_command)
main.add_command(webhooks)
for _command in (site, publish_cmd, unpublish_cmd):
    main.add_command(_command)
