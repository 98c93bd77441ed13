//
// minwavert.h - the WaveRT miniport and its stream.
//
#pragma once

#include "pcaudio.h"

class CMiniportWaveRTStream;

class CMiniportWaveRT : public IMiniportWaveRT, public CUnknown {
public:
    DECLARE_STD_UNKNOWN();
    DEFINE_STD_CONSTRUCTOR(CMiniportWaveRT);
    ~CMiniportWaveRT();

    IMP_IMiniportWaveRT;

    // The miniport a property request is addressed to.
    static CMiniportWaveRT *FromRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest);

    // DAC node: KSPROPERTY_AUDIO_CHANNEL_CONFIG (plain PCPROPERTY_ITEM).
    static NTSTATUS NTAPI PropertyHandlerChannelConfig(_In_ PPCPROPERTY_REQUEST PropertyRequest);

    // Filter properties: get handlers of extended items (PcAudPropertyDispatch
    // has checked the buffer against the entry's MinData).
    static NTSTATUS NTAPI GetGlitchCount(_In_ PPCPROPERTY_REQUEST PropertyRequest);
    static NTSTATUS NTAPI GetHwLatency(_In_ PPCPROPERTY_REQUEST PropertyRequest);

    // Stream bookkeeping (called by CMiniportWaveRTStream).
    void StreamClosed(_In_ BOOLEAN Capture);

    // State read and written by the property handlers.
    LONG m_ChannelMask;       // KSAUDIO_SPEAKER_*
    ULONG m_DacFilter;        // PCAUD_DAC_FILTER_*
    BOOL m_AdcHighPass;
    volatile LONG m_GlitchCount;
    ULONG m_RenderSampleRate; // 0 while no render stream is open

private:
    PPORTWAVERT m_Port;
    BOOLEAN m_RenderOpen;
    BOOLEAN m_CaptureOpen;
};

class CMiniportWaveRTStream : public IMiniportWaveRTStream, public CUnknown {
public:
    DECLARE_STD_UNKNOWN();
    DEFINE_STD_CONSTRUCTOR(CMiniportWaveRTStream);
    ~CMiniportWaveRTStream();

    IMP_IMiniportWaveRTStream;

    NTSTATUS Init(_In_ CMiniportWaveRT *Miniport, _In_ PPORTWAVERTSTREAM PortStream, _In_ BOOLEAN Capture,
                  _In_ PKSDATAFORMAT DataFormat);

private:
    CMiniportWaveRT *m_Miniport;
    PPORTWAVERTSTREAM m_PortStream;
    BOOLEAN m_Capture;
    KSSTATE m_State;
    PMDL m_BufferMdl;
    ULONG m_BufferSize;
    ULONG m_BytesPerSecond;
    ULONGLONG m_RunStartTime;  // interrupt time (100 ns) of the last transition to RUN
    ULONGLONG m_BytesBeforeRun; // bytes played before the last pause
};

// Validates a KSDATAFORMAT_WAVEFORMATEX against the streaming pins' range.
NTSTATUS PcAudValidateFormat(_In_ PKSDATAFORMAT DataFormat);
