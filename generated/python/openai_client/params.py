"""Request arguments of the OpenAI API as TypedDicts: dict literals type-check.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from . import models


class AudioTranscriptionParam(TypedDict, total=False):
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
    )
    language: str
    prompt: str
    delay: Literal["minimal", "low", "medium", "high", "xhigh"]


class RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReductionParam(
    TypedDict, total=False
):
    """Configuration for input audio noise reduction. This can be set to `null` to turn off.
    Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
    Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
    """

    type: models.NoiseReductionType


class RealtimeTranscriptionSessionCreateRequestTurnDetectionParam(
    TypedDict, total=False
):
    """Configuration for turn detection. Can be set to `null` to turn off. Server VAD means that the model will detect the start and end of speech based on audio volume and respond at the end of user speech."""

    type: Literal["server_vad"]
    threshold: float
    prefix_padding_ms: int
    silence_duration_ms: int
