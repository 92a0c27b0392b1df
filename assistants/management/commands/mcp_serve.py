"""`manage.py mcp_serve --token KEY`: the MCP server over stdio, for a desktop assistant."""

import anyio
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.exceptions import AuthenticationFailed

from assistants.access import token_user
from assistants.server import USER, server


class Command(BaseCommand):
    help = "Serve Lorebase to an AI assistant over MCP (stdio), as the user of an API token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--token", required=True, help="Your Lorebase API token.")

    def handle(self, *args: object, token: str, **options: object) -> None:
        try:
            USER.set(token_user(token))
        except AuthenticationFailed as error:
            raise CommandError(f"--token: {error.detail}") from error
        # stdout carries the protocol from here on: nothing else may print to it.
        anyio.run(server.run_stdio_async)
