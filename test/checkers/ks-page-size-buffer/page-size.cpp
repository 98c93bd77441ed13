// IWMSBufferAllocator: page-aligned reads need AllocatePageSizeBuffer.
// RUN: %check_ks ks-page-size-buffer %s
#include <windows.h>
#include <wmsbuffer.h>

HRESULT ReadUnbuffered(IWMSBufferAllocator *Allocator, LPCWSTR Path) {
  HANDLE File = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, NULL);
  INSSBuffer *Buffer = NULL;
  HRESULT hr = Allocator->AllocateBuffer(65536, &Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: IWMSBufferAllocator::AllocateBuffer gives no page alignment, but 'ReadUnbuffered' opens a FILE_FLAG_NO_BUFFERING handle, whose reads need page-aligned buffers: allocate the buffer with AllocatePageSizeBuffer [ks-page-size-buffer]
  BYTE *Data = NULL;
  DWORD Read = 0;
  if (SUCCEEDED(hr) && SUCCEEDED(Buffer->GetBuffer(&Data)))
    ReadFile(File, Data, 65536, &Read, NULL);
  CloseHandle(File);
  return hr;
}

HRESULT ReadAsserted(IWMSBufferAllocator *Allocator) {
  INSSBuffer *Buffer = NULL;
  HRESULT hr = Allocator->AllocateBuffer(8192, &Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: IWMSBufferAllocator::AllocateBuffer gives no page alignment, but 'ReadAsserted' checks a buffer for page alignment
  BYTE *Data = NULL;
  if (SUCCEEDED(hr) && SUCCEEDED(Buffer->GetBuffer(&Data)) && ((ULONG_PTR)Data & (4096 - 1)) != 0)
    return E_UNEXPECTED;
  return hr;
}

// Negative: the page-size buffer for the same read; a buffered read.
HRESULT ReadUnbufferedRight(IWMSBufferAllocator *Allocator, LPCWSTR Path) {
  HANDLE File = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_FLAG_NO_BUFFERING, NULL);
  INSSBuffer *Buffer = NULL;
  HRESULT hr = Allocator->AllocatePageSizeBuffer(65536, &Buffer);
  CloseHandle(File);
  return hr;
}
HRESULT ReadBuffered(IWMSBufferAllocator *Allocator, LPCWSTR Path) {
  HANDLE File = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, NULL);
  INSSBuffer *Buffer = NULL;
  HRESULT hr = Allocator->AllocateBuffer(4096, &Buffer);
  CloseHandle(File);
  return hr;
}
