/*
 * kstidy WDK-profile overlay for <wmsbuffer.h> (user mode).
 *
 * mingw-w64's wmsbuffer.h is the Windows Media Format SDK header: it has
 * INSSBuffer (and INSSBuffer2/3) but not IWMSBufferAllocator, the buffer
 * allocator of the Windows Media Services 9 Series SDK, so code that uses it
 * (what kstidy's ks-page-size-buffer check looks at) would not parse. After
 * the real header, this declares IWMSBufferAllocator as documented: derived
 * from IUnknown, with AllocateBuffer and AllocatePageSizeBuffer (the latter
 * for buffers that feed page-aligned reads).
 *
 * C++ only (C code gets the real header unchanged). The interface's IID is
 * declared, not defined: its value is not in any header available here, and
 * kstidy only parses. No __uuidof: use IID_IWMSBufferAllocator.
 */
#include_next <wmsbuffer.h>

#if defined(__cplusplus) && !defined(CINTERFACE) && \
    !defined(__IWMSBufferAllocator_INTERFACE_DEFINED__)
#define __IWMSBufferAllocator_INTERFACE_DEFINED__

#ifndef __IWMSBufferAllocator_FWD_DEFINED__
#define __IWMSBufferAllocator_FWD_DEFINED__
typedef interface IWMSBufferAllocator IWMSBufferAllocator;
#endif

EXTERN_C const IID IID_IWMSBufferAllocator;

interface IWMSBufferAllocator : public IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE AllocateBuffer(
        DWORD dwMaxBufferSize,
        INSSBuffer **ppBuffer) = 0;

    virtual HRESULT STDMETHODCALLTYPE AllocatePageSizeBuffer(
        DWORD dwMaxBufferSize,
        INSSBuffer **ppBuffer) = 0;
};

#endif /* __cplusplus && !CINTERFACE && !__IWMSBufferAllocator_INTERFACE_DEFINED__ */
