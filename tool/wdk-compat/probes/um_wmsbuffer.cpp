// Probe: user-mode C++, <windows.h> + <wmsbuffer.h>: include/wmsbuffer.h
// adds IWMSBufferAllocator (Windows Media Services SDK) after mingw-w64's
// header, which only has INSSBuffer (see README).
#include <windows.h>
#include <wmsbuffer.h>

HRESULT KstidyProbeBuffer(IUnknown *Server, DWORD Size, INSSBuffer **Buffer) {
  IWMSBufferAllocator *allocator = NULL;
  HRESULT hr = Server->QueryInterface(IID_IWMSBufferAllocator, reinterpret_cast<void **>(&allocator));
  if (FAILED(hr)) {
    return hr;
  }
  hr = (Size % 4096 == 0) ? allocator->AllocatePageSizeBuffer(Size, Buffer)
                          : allocator->AllocateBuffer(Size, Buffer);
  allocator->Release();
  return hr;
}
