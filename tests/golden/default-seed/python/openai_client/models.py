"""Typed models of the OpenAI API.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from ._models import BaseModel


class AudioTranscription(BaseModel):
    """Configuration for input audio transcription. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service."""

    model: (
        Literal[
            "whisper-1",
            "gpt-4o-mini-transcribe",
            "gpt-4o-mini-transcribe-2025-12-15",
            "gpt-4o-transcribe",
            "gpt-4o-transcribe-diarize",
            "gpt-realtime-whisper",
        ]
        | str
        | None
    ) = None
    """The model to use for transcription. Current options are `whisper-1`, `gpt-4o-mini-transcribe`, `gpt-4o-mini-transcribe-2025-12-15`, `gpt-4o-transcribe`, `gpt-4o-transcribe-diarize`, and `gpt-realtime-whisper`. Use `gpt-4o-transcribe-diarize` when you need diarization with speaker labels."""
    language: str | None = None
    """The language of the input audio. Supplying the input language in
    [ISO-639-1](https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes) (e.g. `en`) format
    will improve accuracy and latency."""
    prompt: str | None = None
    """An optional text to guide the model's style or continue a previous audio
    segment.
    For `whisper-1`, the [prompt is a list of keywords](/docs/guides/speech-to-text#prompting).
    For `gpt-4o-transcribe` models (excluding `gpt-4o-transcribe-diarize`), the prompt is a free text string, for example "expect words related to technology".
    Prompt is not supported with `gpt-realtime-whisper` in GA Realtime sessions."""
    delay: Literal["minimal", "low", "medium", "high", "xhigh"] | None = None
    """Controls how long the model waits before emitting transcription text.
    Higher values can improve transcription accuracy at the cost of latency.
    Only supported with `gpt-realtime-whisper` in GA Realtime sessions."""


class AudioTranscriptionResponse(BaseModel):
    """Configuration of the transcription model."""

    model: (
        Literal[
            "whisper-1",
            "gpt-4o-mini-transcribe",
            "gpt-4o-mini-transcribe-2025-12-15",
            "gpt-4o-transcribe",
            "gpt-4o-transcribe-diarize",
            "gpt-realtime-whisper",
        ]
        | str
        | None
    ) = None
    """The model used for transcription. Current options are `whisper-1`, `gpt-4o-mini-transcribe`, `gpt-4o-mini-transcribe-2025-12-15`, `gpt-4o-transcribe`, `gpt-4o-transcribe-diarize`, and `gpt-realtime-whisper`."""
    language: str | None = None
    """The language of the input audio."""
    prompt: str | None = None
    """The prompt configured for input audio transcription, when present."""


class RealtimeTranscriptionSessionCreateRequest(BaseModel):
    """Realtime transcription session object configuration."""

    turn_detection: RealtimeTranscriptionSessionCreateRequestTurnDetection | None = None
    """Configuration for turn detection. Can be set to `null` to turn off. Server VAD means that the model will detect the start and end of speech based on audio volume and respond at the end of user speech."""
    input_audio_noise_reduction: (
        RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction | None
    ) = None
    """Configuration for input audio noise reduction. This can be set to `null` to turn off.
    Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
    Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio."""
    input_audio_format: Literal["pcm16", "g711_ulaw", "g711_alaw"] | None = None
    """The format of input audio. Options are `pcm16`, `g711_ulaw`, or `g711_alaw`.
    For `pcm16`, input audio must be 16-bit PCM at a 24kHz sample rate,
    single channel (mono), and little-endian byte order."""
    input_audio_transcription: AudioTranscription | None = None
    """Configuration for input audio transcription. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service."""
    include: list[Literal["item.input_audio_transcription.logprobs"]] | None = None
    """The set of items to include in the transcription. Current available items are:
    `item.input_audio_transcription.logprobs`"""


class RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReduction(BaseModel):
    """Configuration for input audio noise reduction. This can be set to `null` to turn off.
    Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
    Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
    """

    type: NoiseReductionType | None = None
    """Type of noise reduction. `near_field` is for close-talking microphones such as headphones, `far_field` is for far-field microphones such as laptop or conference room microphones."""


class RealtimeTranscriptionSessionCreateRequestTurnDetection(BaseModel):
    """Configuration for turn detection. Can be set to `null` to turn off. Server VAD means that the model will detect the start and end of speech based on audio volume and respond at the end of user speech."""

    type: Literal["server_vad"] | None = None
    """Type of turn detection. Only `server_vad` is currently supported for transcription sessions."""
    threshold: float | None = None
    """Activation threshold for VAD (0.0 to 1.0), this defaults to 0.5. A
    higher threshold will require louder audio to activate the model, and
    thus might perform better in noisy environments."""
    prefix_padding_ms: int | None = None
    """Amount of audio to include before the VAD detected speech (in
    milliseconds). Defaults to 300ms."""
    silence_duration_ms: int | None = None
    """Duration of silence to detect speech stop (in milliseconds). Defaults
    to 500ms. With shorter values the model will respond more quickly,
    but may jump in on short pauses from the user."""


class RealtimeTranscriptionSessionCreateResponse(BaseModel):
    """A new Realtime transcription session configuration.

    When a session is created on the server via REST API, the session object
    also contains an ephemeral key. Default TTL for keys is 10 minutes. This
    property is not present when a session is updated via the WebSocket API."""

    client_secret: RealtimeTranscriptionSessionCreateResponseClientSecret
    """Ephemeral key returned by the API. Only present when the session is
    created on the server via REST API."""
    modalities: list[Literal["text", "audio"]] | None = None
    """The set of modalities the model can respond with. To disable audio,
    set this to ["text"]."""
    input_audio_format: str | None = None
    """The format of input audio. Options are `pcm16`, `g711_ulaw`, or `g711_alaw`."""
    input_audio_transcription: AudioTranscriptionResponse | None = None
    """Configuration of the transcription model."""
    turn_detection: RealtimeTranscriptionSessionCreateResponseTurnDetection | None = (
        None
    )
    """Configuration for turn detection. Can be set to `null` to turn off. Server
    VAD means that the model will detect the start and end of speech based on
    audio volume and respond at the end of user speech."""


class RealtimeTranscriptionSessionCreateResponseClientSecret(BaseModel):
    """Ephemeral key returned by the API. Only present when the session is
    created on the server via REST API."""

    value: str
    """Ephemeral key usable in client environments to authenticate connections
    to the Realtime API. Use this in client-side environments rather than
    a standard API token, which should only be used server-side."""
    expires_at: int
    """Timestamp for when the token expires. Currently, all tokens expire
    after one minute."""


class RealtimeTranscriptionSessionCreateResponseTurnDetection(BaseModel):
    """Configuration for turn detection. Can be set to `null` to turn off. Server
    VAD means that the model will detect the start and end of speech based on
    audio volume and respond at the end of user speech."""

    type: str | None = None
    """Type of turn detection, only `server_vad` is currently supported."""
    threshold: float | None = None
    """Activation threshold for VAD (0.0 to 1.0), this defaults to 0.5. A
    higher threshold will require louder audio to activate the model, and
    thus might perform better in noisy environments."""
    prefix_padding_ms: int | None = None
    """Amount of audio to include before the VAD detected speech (in
    milliseconds). Defaults to 300ms."""
    silence_duration_ms: int | None = None
    """Duration of silence to detect speech stop (in milliseconds). Defaults
    to 500ms. With shorter values the model will respond more quickly,
    but may jump in on short pauses from the user."""


NoiseReductionType: TypeAlias = Literal["near_field", "far_field"]
"""Type of noise reduction. `near_field` is for close-talking microphones such as headphones, `far_field` is for far-field microphones such as laptop or conference room microphones."""
