# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Contains all the data models used in inputs/outputs"""

from .agent_tool import AgentTool
from .agent_tool_parameters import AgentToolParameters
from .ai_agent_config import AiAgentConfig
from .analysis import Analysis
from .analysis_compliance import AnalysisCompliance
from .analysis_component import AnalysisComponent
from .analysis_performance import AnalysisPerformance
from .analysis_results import AnalysisResults
from .analysis_sentiment import AnalysisSentiment
from .analysis_status import AnalysisStatus
from .analysis_webhook_data import AnalysisWebhookData
from .analysis_webhook_event import AnalysisWebhookEvent
from .audio_input_message import AudioInputMessage
from .audio_output_event import AudioOutputEvent
from .audio_settings import AudioSettings
from .create_analysis_request import CreateAnalysisRequest
from .create_session_request import CreateSessionRequest
from .end_reason import EndReason
from .end_session_request import EndSessionRequest
from .error_detail import ErrorDetail
from .error_event import ErrorEvent
from .error_response import ErrorResponse
from .language_pair import LanguagePair
from .ping_message import PingMessage
from .pong_event import PongEvent
from .provider_details import ProviderDetails
from .recording import Recording
from .recording_channel import RecordingChannel
from .recording_list import RecordingList
from .recording_settings import RecordingSettings
from .recording_status import RecordingStatus
from .recording_webhook_data import RecordingWebhookData
from .recording_webhook_event import RecordingWebhookEvent
from .routing_direction import RoutingDirection
from .session import Session
from .session_call import SessionCall
from .session_end_message import SessionEndMessage
from .session_ended_event import SessionEndedEvent
from .session_error_event import SessionErrorEvent
from .session_metadata import SessionMetadata
from .session_mode import SessionMode
from .session_ready_event import SessionReadyEvent
from .session_recording_info import SessionRecordingInfo
from .session_routing import SessionRouting
from .session_status import SessionStatus
from .session_webhook_event import SessionWebhookEvent
from .sip_routing import SipRouting
from .sip_routing_headers import SipRoutingHeaders
from .stream_audio_input import StreamAudioInput
from .stream_audio_output import StreamAudioOutput
from .stream_info import StreamInfo
from .stream_translation import StreamTranslation
from .transcript import Transcript
from .transcript_final_event import TranscriptFinalEvent
from .transcript_metadata import TranscriptMetadata
from .transcript_partial_event import TranscriptPartialEvent
from .transcript_segment import TranscriptSegment
from .transcript_segment_data import TranscriptSegmentData
from .transcript_segment_webhook_event import TranscriptSegmentWebhookEvent
from .transcript_status import TranscriptStatus
from .transcript_summary import TranscriptSummary
from .transcript_turn import TranscriptTurn
from .transcript_webhook_data import TranscriptWebhookData
from .transcript_webhook_event import TranscriptWebhookEvent
from .turn_translation import TurnTranslation
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData
from .webhook_event_type import WebhookEventType

__all__ = (
    "AgentTool",
    "AgentToolParameters",
    "AiAgentConfig",
    "Analysis",
    "AnalysisCompliance",
    "AnalysisComponent",
    "AnalysisPerformance",
    "AnalysisResults",
    "AnalysisSentiment",
    "AnalysisStatus",
    "AnalysisWebhookData",
    "AnalysisWebhookEvent",
    "AudioInputMessage",
    "AudioOutputEvent",
    "AudioSettings",
    "CreateAnalysisRequest",
    "CreateSessionRequest",
    "EndReason",
    "EndSessionRequest",
    "ErrorDetail",
    "ErrorEvent",
    "ErrorResponse",
    "LanguagePair",
    "PingMessage",
    "PongEvent",
    "ProviderDetails",
    "Recording",
    "RecordingChannel",
    "RecordingList",
    "RecordingSettings",
    "RecordingStatus",
    "RecordingWebhookData",
    "RecordingWebhookEvent",
    "RoutingDirection",
    "Session",
    "SessionCall",
    "SessionEndedEvent",
    "SessionEndMessage",
    "SessionErrorEvent",
    "SessionMetadata",
    "SessionMode",
    "SessionReadyEvent",
    "SessionRecordingInfo",
    "SessionRouting",
    "SessionStatus",
    "SessionWebhookEvent",
    "SipRouting",
    "SipRoutingHeaders",
    "StreamAudioInput",
    "StreamAudioOutput",
    "StreamInfo",
    "StreamTranslation",
    "Transcript",
    "TranscriptFinalEvent",
    "TranscriptMetadata",
    "TranscriptPartialEvent",
    "TranscriptSegment",
    "TranscriptSegmentData",
    "TranscriptSegmentWebhookEvent",
    "TranscriptStatus",
    "TranscriptSummary",
    "TranscriptTurn",
    "TranscriptWebhookData",
    "TranscriptWebhookEvent",
    "TurnTranslation",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookEventType",
)
