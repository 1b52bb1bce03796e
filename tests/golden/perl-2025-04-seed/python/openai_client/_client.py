"""Clients of the OpenAI API: one method per operation, by resource.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal

from . import models, params
from . import models as _api_models
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._request import RequestOptions
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

    @cached_property
    def beta(self) -> BetaResource:
        return BetaResource(self)


class BetaResource:
    """The ``client.beta`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BetaResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return BetaResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BetaResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return BetaResourceWithStreamedResponse(self)

    @cached_property
    def realtime(self) -> BetaRealtimeResource:
        return BetaRealtimeResource(self._client)


class BetaRealtimeResource:
    """The ``client.beta.realtime`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BetaRealtimeResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return BetaRealtimeResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BetaRealtimeResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return BetaRealtimeResourceWithStreamedResponse(self)

    @cached_property
    def transcription_sessions(self) -> BetaRealtimeTranscriptionSessionsResource:
        return BetaRealtimeTranscriptionSessionsResource(self._client)


class BetaRealtimeTranscriptionSessionsResource:
    """The ``client.beta.realtime.transcription_sessions`` resource."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(
        self,
    ) -> BetaRealtimeTranscriptionSessionsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return BetaRealtimeTranscriptionSessionsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(
        self,
    ) -> BetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return BetaRealtimeTranscriptionSessionsResourceWithStreamedResponse(self)

    def create(
        self,
        *,
        modalities: list[Literal["text", "audio"]] | NotGiven = NOT_GIVEN,
        input_audio_format: (
            Literal["pcm16", "g711_ulaw", "g711_alaw"] | NotGiven
        ) = NOT_GIVEN,
        input_audio_transcription: (
            params.RealtimeTranscriptionSessionCreateRequestInputAudioTranscriptionParam
            | models.RealtimeTranscriptionSessionCreateRequestInputAudioTranscription
            | NotGiven
        ) = NOT_GIVEN,
        turn_detection: (
            params.RealtimeTranscriptionSessionCreateRequestTurnDetectionParam
            | models.RealtimeTranscriptionSessionCreateRequestTurnDetection
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_noise_reduction: (
            params.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReductionParam
            | models.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction
            | None
            | NotGiven
        ) = NOT_GIVEN,
        include: list[str] | NotGiven = NOT_GIVEN,
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

        Args:
          modalities: The set of modalities the model can respond with. To disable audio,
            set this to ["text"].
          input_audio_format: The format of input audio. Options are `pcm16`, `g711_ulaw`,
            or `g711_alaw`. For `pcm16`, input audio must be 16-bit PCM at a 24kHz sample
            rate, single channel (mono), and little-endian byte order.
          input_audio_transcription: Configuration for input audio transcription. The
            client can optionally set the language and prompt for transcription, these offer
            additional guidance to the transcription service.
          turn_detection: Configuration for turn detection, ether Server VAD or Semantic
            VAD. This can be set to `null` to turn off, in which case the client must
            manually trigger model response. Server VAD means that the model will detect the
            start and end of speech based on audio volume and respond at the end of user
            speech. Semantic VAD is more advanced and uses a turn detection model (in
            conjuction with VAD) to semantically estimate whether the user has finished
            speaking, then dynamically sets a timeout based on this probability. For
            example, if user audio trails off with "uhhm", the model will score a low
            probability of turn end and wait longer for the user to continue speaking. This
            can be useful for more natural conversations, but may have a higher latency.
          input_audio_noise_reduction: Configuration for input audio noise reduction. This
            can be set to `null` to turn off. Noise reduction filters audio added to the
            input audio buffer before it is sent to VAD and the model. Filtering the audio
            can improve VAD and turn detection accuracy (reducing false positives) and model
            performance by improving perception of the input audio.
          include: The set of items to include in the transcription. Current available
            items are: - `item.input_audio_transcription.logprobs`"""
        request_options = RequestOptions(
            method="POST",
            path="/realtime/transcription_sessions",
            json_body={
                "modalities": modalities,
                "input_audio_format": input_audio_format,
                "input_audio_transcription": input_audio_transcription,
                "turn_detection": turn_detection,
                "input_audio_noise_reduction": input_audio_noise_reduction,
                "include": include,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.RealtimeTranscriptionSessionCreateResponse = (
            self._client._request(
                request_options,
                cast_to=_api_models.RealtimeTranscriptionSessionCreateResponse,
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

    @cached_property
    def beta(self) -> AsyncBetaResource:
        return AsyncBetaResource(self)


class AsyncBetaResource:
    """The ``client.beta`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBetaResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncBetaResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBetaResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncBetaResourceWithStreamedResponse(self)

    @cached_property
    def realtime(self) -> AsyncBetaRealtimeResource:
        return AsyncBetaRealtimeResource(self._client)


class AsyncBetaRealtimeResource:
    """The ``client.beta.realtime`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBetaRealtimeResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncBetaRealtimeResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBetaRealtimeResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncBetaRealtimeResourceWithStreamedResponse(self)

    @cached_property
    def transcription_sessions(self) -> AsyncBetaRealtimeTranscriptionSessionsResource:
        return AsyncBetaRealtimeTranscriptionSessionsResource(self._client)


class AsyncBetaRealtimeTranscriptionSessionsResource:
    """The ``client.beta.realtime.transcription_sessions`` resource."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(
        self,
    ) -> AsyncBetaRealtimeTranscriptionSessionsResourceWithRawResponse:
        """The methods, returning the read HTTP response (``.parse()``: the result)."""
        return AsyncBetaRealtimeTranscriptionSessionsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(
        self,
    ) -> AsyncBetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
        """The methods, returning a context manager over the unread HTTP response."""
        return AsyncBetaRealtimeTranscriptionSessionsResourceWithStreamedResponse(self)

    async def create(
        self,
        *,
        modalities: list[Literal["text", "audio"]] | NotGiven = NOT_GIVEN,
        input_audio_format: (
            Literal["pcm16", "g711_ulaw", "g711_alaw"] | NotGiven
        ) = NOT_GIVEN,
        input_audio_transcription: (
            params.RealtimeTranscriptionSessionCreateRequestInputAudioTranscriptionParam
            | models.RealtimeTranscriptionSessionCreateRequestInputAudioTranscription
            | NotGiven
        ) = NOT_GIVEN,
        turn_detection: (
            params.RealtimeTranscriptionSessionCreateRequestTurnDetectionParam
            | models.RealtimeTranscriptionSessionCreateRequestTurnDetection
            | None
            | NotGiven
        ) = NOT_GIVEN,
        input_audio_noise_reduction: (
            params.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReductionParam
            | models.RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction
            | None
            | NotGiven
        ) = NOT_GIVEN,
        include: list[str] | NotGiven = NOT_GIVEN,
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

        Args:
          modalities: The set of modalities the model can respond with. To disable audio,
            set this to ["text"].
          input_audio_format: The format of input audio. Options are `pcm16`, `g711_ulaw`,
            or `g711_alaw`. For `pcm16`, input audio must be 16-bit PCM at a 24kHz sample
            rate, single channel (mono), and little-endian byte order.
          input_audio_transcription: Configuration for input audio transcription. The
            client can optionally set the language and prompt for transcription, these offer
            additional guidance to the transcription service.
          turn_detection: Configuration for turn detection, ether Server VAD or Semantic
            VAD. This can be set to `null` to turn off, in which case the client must
            manually trigger model response. Server VAD means that the model will detect the
            start and end of speech based on audio volume and respond at the end of user
            speech. Semantic VAD is more advanced and uses a turn detection model (in
            conjuction with VAD) to semantically estimate whether the user has finished
            speaking, then dynamically sets a timeout based on this probability. For
            example, if user audio trails off with "uhhm", the model will score a low
            probability of turn end and wait longer for the user to continue speaking. This
            can be useful for more natural conversations, but may have a higher latency.
          input_audio_noise_reduction: Configuration for input audio noise reduction. This
            can be set to `null` to turn off. Noise reduction filters audio added to the
            input audio buffer before it is sent to VAD and the model. Filtering the audio
            can improve VAD and turn detection accuracy (reducing false positives) and model
            performance by improving perception of the input audio.
          include: The set of items to include in the transcription. Current available
            items are: - `item.input_audio_transcription.logprobs`"""
        request_options = RequestOptions(
            method="POST",
            path="/realtime/transcription_sessions",
            json_body={
                "modalities": modalities,
                "input_audio_format": input_audio_format,
                "input_audio_transcription": input_audio_transcription,
                "turn_detection": turn_detection,
                "input_audio_noise_reduction": input_audio_noise_reduction,
                "include": include,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response: _api_models.RealtimeTranscriptionSessionCreateResponse = (
            await self._client._request(
                request_options,
                cast_to=_api_models.RealtimeTranscriptionSessionCreateResponse,
            )
        )
        return response


class ClientWithRawResponse:
    """Client methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def beta(self) -> BetaResourceWithRawResponse:
        return BetaResourceWithRawResponse(self._client.beta)


class ClientWithStreamedResponse:
    """Client methods returning their unread response in a context manager."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @cached_property
    def beta(self) -> BetaResourceWithStreamedResponse:
        return BetaResourceWithStreamedResponse(self._client.beta)


class AsyncClientWithRawResponse:
    """AsyncClient methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def beta(self) -> AsyncBetaResourceWithRawResponse:
        return AsyncBetaResourceWithRawResponse(self._client.beta)


class AsyncClientWithStreamedResponse:
    """AsyncClient methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @cached_property
    def beta(self) -> AsyncBetaResourceWithStreamedResponse:
        return AsyncBetaResourceWithStreamedResponse(self._client.beta)


class BetaResourceWithRawResponse:
    """BetaResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: BetaResource) -> None:
        self._client = client

    @cached_property
    def realtime(self) -> BetaRealtimeResourceWithRawResponse:
        return BetaRealtimeResourceWithRawResponse(self._client.realtime)


class BetaResourceWithStreamedResponse:
    """BetaResource methods returning their unread response in a context manager."""

    def __init__(self, client: BetaResource) -> None:
        self._client = client

    @cached_property
    def realtime(self) -> BetaRealtimeResourceWithStreamedResponse:
        return BetaRealtimeResourceWithStreamedResponse(self._client.realtime)


class AsyncBetaResourceWithRawResponse:
    """AsyncBetaResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncBetaResource) -> None:
        self._client = client

    @cached_property
    def realtime(self) -> AsyncBetaRealtimeResourceWithRawResponse:
        return AsyncBetaRealtimeResourceWithRawResponse(self._client.realtime)


class AsyncBetaResourceWithStreamedResponse:
    """AsyncBetaResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncBetaResource) -> None:
        self._client = client

    @cached_property
    def realtime(self) -> AsyncBetaRealtimeResourceWithStreamedResponse:
        return AsyncBetaRealtimeResourceWithStreamedResponse(self._client.realtime)


class BetaRealtimeResourceWithRawResponse:
    """BetaRealtimeResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: BetaRealtimeResource) -> None:
        self._client = client

    @cached_property
    def transcription_sessions(
        self,
    ) -> BetaRealtimeTranscriptionSessionsResourceWithRawResponse:
        return BetaRealtimeTranscriptionSessionsResourceWithRawResponse(
            self._client.transcription_sessions
        )


class BetaRealtimeResourceWithStreamedResponse:
    """BetaRealtimeResource methods returning their unread response in a context manager."""

    def __init__(self, client: BetaRealtimeResource) -> None:
        self._client = client

    @cached_property
    def transcription_sessions(
        self,
    ) -> BetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
        return BetaRealtimeTranscriptionSessionsResourceWithStreamedResponse(
            self._client.transcription_sessions
        )


class AsyncBetaRealtimeResourceWithRawResponse:
    """AsyncBetaRealtimeResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncBetaRealtimeResource) -> None:
        self._client = client

    @cached_property
    def transcription_sessions(
        self,
    ) -> AsyncBetaRealtimeTranscriptionSessionsResourceWithRawResponse:
        return AsyncBetaRealtimeTranscriptionSessionsResourceWithRawResponse(
            self._client.transcription_sessions
        )


class AsyncBetaRealtimeResourceWithStreamedResponse:
    """AsyncBetaRealtimeResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncBetaRealtimeResource) -> None:
        self._client = client

    @cached_property
    def transcription_sessions(
        self,
    ) -> AsyncBetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
        return AsyncBetaRealtimeTranscriptionSessionsResourceWithStreamedResponse(
            self._client.transcription_sessions
        )


class BetaRealtimeTranscriptionSessionsResourceWithRawResponse:
    """BetaRealtimeTranscriptionSessionsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: BetaRealtimeTranscriptionSessionsResource) -> None:
        self._client = client
        self.create = to_raw_response_wrapper(client.create)


class BetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
    """BetaRealtimeTranscriptionSessionsResource methods returning their unread response in a context manager."""

    def __init__(self, client: BetaRealtimeTranscriptionSessionsResource) -> None:
        self._client = client
        self.create = to_streamed_response_wrapper(client.create)


class AsyncBetaRealtimeTranscriptionSessionsResourceWithRawResponse:
    """AsyncBetaRealtimeTranscriptionSessionsResource methods returning their :class:`RawAPIResponse`."""

    def __init__(self, client: AsyncBetaRealtimeTranscriptionSessionsResource) -> None:
        self._client = client
        self.create = async_to_raw_response_wrapper(client.create)


class AsyncBetaRealtimeTranscriptionSessionsResourceWithStreamedResponse:
    """AsyncBetaRealtimeTranscriptionSessionsResource methods returning their unread response in a context manager."""

    def __init__(self, client: AsyncBetaRealtimeTranscriptionSessionsResource) -> None:
        self._client = client
        self.create = async_to_streamed_response_wrapper(client.create)
