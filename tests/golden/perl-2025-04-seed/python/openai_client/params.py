"""Request arguments of the OpenAI API as TypedDicts: dict literals type-check.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Literal, TypedDict


class RealtimeTranscriptionSessionCreateRequestInputAudioNoiseReductionParam(
    TypedDict, total=False
):
    """Configuration for input audio noise reduction. This can be set to `null` to turn off.
    Noise reduction filters audio added to the input audio buffer before it is sent to VAD and the model.
    Filtering the audio can improve VAD and turn detection accuracy (reducing false positives) and model performance by improving perception of the input audio.
    """

    type: Literal["near_field", "far_field"]


class RealtimeTranscriptionSessionCreateRequestInputAudioTranscriptionParam(
    TypedDict, total=False
):
    """Configuration for input audio transcription. The client can optionally set the language and prompt for transcription, these offer additional guidance to the transcription service."""

    model: Literal["gpt-4o-transcribe", "gpt-4o-mini-transcribe", "whisper-1"]
    language: str
    prompt: str


class RealtimeTranscriptionSessionCreateRequestTurnDetectionParam(
    TypedDict, total=False
):
    """Configuration for turn detection, ether Server VAD or Semantic VAD. This can be set to `null` to turn off, in which case the client must manually trigger model response.
    Server VAD means that the model will detect the start and end of speech based on audio volume and respond at the end of user speech.
    Semantic VAD is more advanced and uses a turn detection model (in conjuction with VAD) to semantically estimate whether the user has finished speaking, then dynamically sets a timeout based on this probability. For example, if user audio trails off with "uhhm", the model will score a low probability of turn end and wait longer for the user to continue speaking. This can be useful for more natural conversations, but may have a higher latency.
    """

    type: Literal["server_vad", "semantic_vad"]
    eagerness: Literal["low", "medium", "high", "auto"]
    threshold: float
    prefix_padding_ms: int
    silence_duration_ms: int
    create_response: bool
    interrupt_response: bool
