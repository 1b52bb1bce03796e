"""Clients of the OpenAI API: one method per operation.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal

from . import models
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._request import RequestSpec
from ._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout

__all__ = ["Client", "AsyncClient"]


class Client(SyncAPIClient):
    """Synchronous client of the OpenAI API."""

    _default_base_url = "https://api.openai.com/v1"

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return ClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return ClientWithStreamedResponse(self)

    def create_realtime_transcription_session(
        self,
        *,
        turn_detection: (
            models.RealtimeTranscriptionSessionCreateRequestTurnDetection
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_noise_reduction: (
            models.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_format: (
            Literal["pcm16", "g711_ulaw", "g711_alaw"] | NotGiven
        ) = NOT_GIVEN,
        input_audio_transcription: models.AudioTranscription | NotGiven = NOT_GIVEN,
        include: (
            list[Literal["item.input_audio_transcription.logprobs"]] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.RealtimeTranscriptionSessionCreateResponse:
        """Create an ephemeral API token for use in client-side applications with the
        Realtime API specifically for realtime transcriptions.
        Can be configured with the same session parameters as the `transcription_session.update` client event.

        It responds with a session object, plus a `client_secret` key which contains
        a usable ephemeral API token that can be used to authenticate browser clients
        for the Realtime API.

        Returns the created Realtime transcription session object, plus an ephemeral key.

        Args:
          turn_detection: Configuration for turn detection. Can be set to `null` to turn
            off. Server VAD means that the model will detect the start and end of speech
            based on audio volume and respond at the end of user speech.
          input_audio_noise_reduction: Configuration for input audio noise reduction. This
            can be set to `null` to turn off. Noise reduction filters audio added to the
            input audio buffer before it is sent to VAD and the model. Filtering the audio
            can improve VAD and turn detection accuracy (reducing false positives) and model
            performance by improving perception of the input audio.
          input_audio_format: The format of input audio. Options are `pcm16`, `g711_ulaw`,
            or `g711_alaw`. For `pcm16`, input audio must be 16-bit PCM at a 24kHz sample
            rate, single channel (mono), and little-endian byte order.
          input_audio_transcription: Configuration for input audio transcription. The
            client can optionally set the language and prompt for transcription, these offer
            additional guidance to the transcription service.
          include: The set of items to include in the transcription. Current available
            items are: `item.input_audio_transcription.logprobs`"""
        spec = RequestSpec(
            method="POST",
            path="/realtime/transcription_sessions",
            json_body={
                "turn_detection": turn_detection,
                "input_audio_noise_reduction": input_audio_noise_reduction,
                "input_audio_format": input_audio_format,
                "input_audio_transcription": input_audio_transcription,
                "include": include,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.RealtimeTranscriptionSessionCreateResponse = (
            self._request(
                spec, cast_to=_api_models.RealtimeTranscriptionSessionCreateResponse
            )
        )
        return response


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of the OpenAI API."""

    _default_base_url = "https://api.openai.com/v1"

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncClientWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClientWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncClientWithStreamedResponse(self)

    async def create_realtime_transcription_session(
        self,
        *,
        turn_detection: (
            models.RealtimeTranscriptionSessionCreateRequestTurnDetection
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_noise_reduction: (
            models.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_format: (
            Literal["pcm16", "g711_ulaw", "g711_alaw"] | NotGiven
        ) = NOT_GIVEN,
        input_audio_transcription: models.AudioTranscription | NotGiven = NOT_GIVEN,
        include: (
            list[Literal["item.input_audio_transcription.logprobs"]] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> models.RealtimeTranscriptionSessionCreateResponse:
        """Create an ephemeral API token for use in client-side applications with the
        Realtime API specifically for realtime transcriptions.
        Can be configured with the same session parameters as the `transcription_session.update` client event.

        It responds with a session object, plus a `client_secret` key which contains
        a usable ephemeral API token that can be used to authenticate browser clients
        for the Realtime API.

        Returns the created Realtime transcription session object, plus an ephemeral key.

        Args:
          turn_detection: Configuration for turn detection. Can be set to `null` to turn
            off. Server VAD means that the model will detect the start and end of speech
            based on audio volume and respond at the end of user speech.
          input_audio_noise_reduction: Configuration for input audio noise reduction. This
            can be set to `null` to turn off. Noise reduction filters audio added to the
            input audio buffer before it is sent to VAD and the model. Filtering the audio
            can improve VAD and turn detection accuracy (reducing false positives) and model
            performance by improving perception of the input audio.
          input_audio_format: The format of input audio. Options are `pcm16`, `g711_ulaw`,
            or `g711_alaw`. For `pcm16`, input audio must be 16-bit PCM at a 24kHz sample
            rate, single channel (mono), and little-endian byte order.
          input_audio_transcription: Configuration for input audio transcription. The
            client can optionally set the language and prompt for transcription, these offer
            additional guidance to the transcription service.
          include: The set of items to include in the transcription. Current available
            items are: `item.input_audio_transcription.logprobs`"""
        spec = RequestSpec(
            method="POST",
            path="/realtime/transcription_sessions",
            json_body={
                "turn_detection": turn_detection,
                "input_audio_noise_reduction": input_audio_noise_reduction,
                "input_audio_format": input_audio_format,
                "input_audio_transcription": input_audio_transcription,
                "include": include,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.RealtimeTranscriptionSessionCreateResponse = (
            await self._request(
                spec, cast_to=_api_models.RealtimeTranscriptionSessionCreateResponse
            )
        )
        return response


class ClientWithRawResponse:
    """Client methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_realtime_transcription_session = to_raw_response_wrapper(
            client.create_realtime_transcription_session
        )


class ClientWithStreamedResponse:
    """Client methods returning their unread response in a context manager."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_realtime_transcription_session = to_streamed_response_wrapper(
            client.create_realtime_transcription_session
        )


class AsyncClientWithRawResponse:
    """AsyncClient methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_realtime_transcription_session = async_to_raw_response_wrapper(
            client.create_realtime_transcription_session
        )


class AsyncClientWithStreamedResponse:
    """AsyncClient methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_realtime_transcription_session = async_to_streamed_response_wrapper(
            client.create_realtime_transcription_session
        )
