//
// proxyplugin.cpp - AvsMeta, a KS proxy plug-in for the AvsCap metadata pin.
//
// ksproxy.ax aggregates the plug-ins registered for a pin into its proxy pin
// object. This one is created with the proxy pin as its outer unknown and
// exposes one private interface, IAvsMetadataPipe, through which the graph
// builder says what kind of filter consumes the metadata stream; the plug-in
// then configures the allocator of the pin's pipe (IKsAllocatorEx) for it.
// This file is KS proxy code: the .clang-tidy beside it lists it in
// ks-allocator-ex-application-use.ProxyFiles.
//
// The DirectShow base classes' streams.h would come first; its interfaces
// (strmif.h) come from <dshow.h> here.
#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>

// Frames of the AvsCap metadata pin (AVSCAP_METADATA_* in the driver).
#define AVSMETA_FRAME_BYTES 4096
#define AVSMETA_FRAMES 4
#define AVSMETA_FRAME_ALIGNMENT 7 // FILE_QUAD_ALIGNMENT (wdm.h; not in user-mode headers)

enum AVSMETA_CONSUMER {
    AvsMetaConsumer_Kernel,     // a kernel-mode filter: frames never leave kernel mode
    AvsMetaConsumer_UserCopy,   // a user-mode filter that gets copies of the frames
    AvsMetaConsumer_UserShared, // a user-mode filter that gets the pin's frames as they are
};

// {81ff1cd5-4f5b-40be-8e9d-59c749e9eabe}
static const IID IID_IAvsMetadataPipe = {
    0x81ff1cd5, 0x4f5b, 0x40be, { 0x8e, 0x9d, 0x59, 0xc7, 0x49, 0xe9, 0xea, 0xbe }
};

interface IAvsMetadataPipe : public IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE ConfigureForConsumer(AVSMETA_CONSUMER Consumer) = 0;
};

// Publishes a framing as the pipe's allocator properties.
static void AvsMetaApplyFraming(IKsAllocatorEx *Allocator, const KSALLOCATOR_FRAMING &Framing)
{
    PALLOCATOR_PROPERTIES_EX properties = Allocator->KsGetProperties();

    properties->cBuffers = static_cast<LONG>(Framing.Frames);
    properties->cbBuffer = static_cast<LONG>(Framing.FrameSize);
    properties->cbAlign = static_cast<LONG>(Framing.FileAlignment + 1);
    properties->cbPrefix = 0;
    properties->Flags = Framing.RequirementsFlags;
    Allocator->KsSetProperties(properties);
}

class CAvsMetadataPipe final : public IAvsMetadataPipe {
public:
    static HRESULT Create(IUnknown *Outer, REFIID Iid, void **Object);

    // IUnknown: an aggregated object delegates to the proxy pin.
    STDMETHODIMP QueryInterface(REFIID Iid, void **Object) override { return m_Outer->QueryInterface(Iid, Object); }
    STDMETHODIMP_(ULONG) AddRef() override { return m_Outer->AddRef(); }
    STDMETHODIMP_(ULONG) Release() override { return m_Outer->Release(); }

    // IAvsMetadataPipe
    STDMETHODIMP ConfigureForConsumer(AVSMETA_CONSUMER Consumer) override;

private:
    // The non-delegating IUnknown the proxy pin holds: it owns the object.
    class Inner final : public IUnknown {
    public:
        explicit Inner(CAvsMetadataPipe *Owner) : m_Owner(Owner), m_Refs(1) {}

        STDMETHODIMP QueryInterface(REFIID Iid, void **Object) override;
        STDMETHODIMP_(ULONG) AddRef() override { return InterlockedIncrement(&m_Refs); }
        STDMETHODIMP_(ULONG) Release() override;

    private:
        CAvsMetadataPipe *m_Owner;
        LONG m_Refs;
    };

    explicit CAvsMetadataPipe(IUnknown *Outer) : m_Inner(this), m_Outer(Outer) {}

    HRESULT GetPipeAllocator(IKsAllocatorEx **Allocator);
    HRESULT AttachKernelAllocator(IKsAllocatorEx *Allocator);
    HRESULT LendSystemMemoryFrames(IKsAllocatorEx *Allocator);
    HRESULT ShareFramesWithUserMode(IKsAllocatorEx *Allocator);

    Inner m_Inner;
    IUnknown *m_Outer; // the proxy pin; not AddRef'd, it owns this object
};

HRESULT CAvsMetadataPipe::Create(IUnknown *Outer, REFIID Iid, void **Object)
{
    *Object = NULL;
    // Only ever aggregated by a proxy pin, and COM aggregation asks for the
    // inner IUnknown.
    if (Outer == NULL) {
        return CLASS_E_NOAGGREGATION;
    }
    if (!IsEqualIID(Iid, IID_IUnknown)) {
        return E_NOINTERFACE;
    }
    CAvsMetadataPipe *pipe = new CAvsMetadataPipe(Outer);
    *Object = static_cast<IUnknown *>(&pipe->m_Inner);
    return S_OK;
}

STDMETHODIMP CAvsMetadataPipe::Inner::QueryInterface(REFIID Iid, void **Object)
{
    if (IsEqualIID(Iid, IID_IUnknown)) {
        *Object = static_cast<IUnknown *>(this);
        AddRef();
        return S_OK;
    }
    if (IsEqualIID(Iid, IID_IAvsMetadataPipe)) {
        *Object = static_cast<IAvsMetadataPipe *>(m_Owner);
        m_Owner->AddRef();
        return S_OK;
    }
    *Object = NULL;
    return E_NOINTERFACE;
}

STDMETHODIMP_(ULONG) CAvsMetadataPipe::Inner::Release()
{
    LONG refs = InterlockedDecrement(&m_Refs);
    if (refs == 0) {
        delete m_Owner;
    }
    return static_cast<ULONG>(refs);
}

// The allocator of the pin's pipe; before the pipe exists, the allocator the
// pin was handed.
HRESULT CAvsMetadataPipe::GetPipeAllocator(IKsAllocatorEx **Allocator)
{
    *Allocator = NULL;

    IKsPinPipe *pipe = NULL;
    HRESULT hr = m_Outer->QueryInterface(IID_IKsPinPipe, reinterpret_cast<void **>(&pipe));
    if (SUCCEEDED(hr)) {
        *Allocator = pipe->KsGetPipe(KsPeekOperation_AddRef);
        pipe->Release();
        if (*Allocator != NULL) {
            return S_OK;
        }
    }

    IKsPin *pin = NULL;
    hr = m_Outer->QueryInterface(IID_IKsPin, reinterpret_cast<void **>(&pin));
    if (FAILED(hr)) {
        return hr;
    }
    IMemAllocator *memAllocator = pin->KsPeekAllocator(KsPeekOperation_AddRef);
    pin->Release();
    if (memAllocator == NULL) {
        return VFW_E_NO_ALLOCATOR;
    }
    hr = memAllocator->QueryInterface(IID_IKsAllocatorEx, reinterpret_cast<void **>(Allocator));
    memAllocator->Release();
    return hr;
}

// Kernel-mode consumer: the pin allocates its frames itself, from its own
// KSALLOCATOR_DISPATCH, and they stay in kernel mode.
HRESULT CAvsMetadataPipe::AttachKernelAllocator(IKsAllocatorEx *Allocator)
{
    KSALLOCATOR_FRAMING framing = {};
    framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE;
    framing.PoolType = 0; // NonPagedPool
    framing.Frames = AVSMETA_FRAMES;
    framing.FrameSize = AVSMETA_FRAME_BYTES;
    framing.FileAlignment = AVSMETA_FRAME_ALIGNMENT;
    AvsMetaApplyFraming(Allocator, framing);

    Allocator->KsSetAllocatorMode(KsAllocatorMode_Kernel);

    IKsPin *pin = NULL;
    HRESULT hr = m_Outer->QueryInterface(IID_IKsPin, reinterpret_cast<void **>(&pin));
    if (FAILED(hr)) {
        return hr;
    }
    HANDLE allocatorHandle = Allocator->KsCreateAllocatorAndGetHandle(pin);
    pin->Release();
    return allocatorHandle != NULL ? S_OK : E_FAIL;
}

// User-mode consumer that gets copies: the pin still allocates its frames,
// in system memory, and the proxy copies them into user-mode samples.
HRESULT CAvsMetadataPipe::LendSystemMemoryFrames(IKsAllocatorEx *Allocator)
{
    KSALLOCATOR_FRAMING framing = {};
    framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY | KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE;
    framing.PoolType = 0; // NonPagedPool
    framing.Frames = AVSMETA_FRAMES;
    framing.FrameSize = AVSMETA_FRAME_BYTES;
    framing.FileAlignment = AVSMETA_FRAME_ALIGNMENT;
    AvsMetaApplyFraming(Allocator, framing);

    Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
    return S_OK;
}

// User-mode consumer that gets the pin's own frames, without a copy.
HRESULT CAvsMetadataPipe::ShareFramesWithUserMode(IKsAllocatorEx *Allocator)
{
    KSALLOCATOR_FRAMING framing = {};
    framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE;
    framing.PoolType = 0; // NonPagedPool
    framing.Frames = AVSMETA_FRAMES;
    framing.FrameSize = AVSMETA_FRAME_BYTES;
    framing.FileAlignment = AVSMETA_FRAME_ALIGNMENT;
    AvsMetaApplyFraming(Allocator, framing);

    // SEEDED DEFECT 17: ks-allocator-user-mode-frames — user-mode allocator over a framing that makes the pin allocate its own frames (MUST_ALLOCATE) without KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY: kernel-allocated frames handed to user mode
    Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
    return S_OK;
}

STDMETHODIMP CAvsMetadataPipe::ConfigureForConsumer(AVSMETA_CONSUMER Consumer)
{
    IKsAllocatorEx *allocator = NULL;
    HRESULT hr = GetPipeAllocator(&allocator);
    if (FAILED(hr)) {
        return hr;
    }

    switch (Consumer) {
    case AvsMetaConsumer_Kernel:
        hr = AttachKernelAllocator(allocator);
        break;
    case AvsMetaConsumer_UserCopy:
        hr = LendSystemMemoryFrames(allocator);
        break;
    case AvsMetaConsumer_UserShared:
        hr = ShareFramesWithUserMode(allocator);
        break;
    default:
        hr = E_INVALIDARG;
        break;
    }
    allocator->Release();
    return hr;
}

// Called by the plug-in's class factory (IClassFactory::CreateInstance).
HRESULT AvsMetaCreatePipePlugin(IUnknown *Outer, REFIID Iid, void **Object)
{
    return CAvsMetadataPipe::Create(Outer, Iid, Object);
}
