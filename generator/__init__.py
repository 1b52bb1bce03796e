"""generator: OpenAI OpenAPI spec -> typed Python client, POD and Markdown docs."""

__version__ = "0.1.0"
