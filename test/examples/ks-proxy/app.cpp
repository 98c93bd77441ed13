//
// app.cpp - avsdump, an application that records and replays the AvsCap
// metadata stream. It is an ordinary DirectShow / Windows Media Services
// client, not KS proxy code: it is not in the ProxyFiles list of the
// .clang-tidy beside it.
//
// Recordings are a 64-byte header followed by 4096-byte frames, one per
// video frame, so frames start on page boundaries in the file and can be
// read with FILE_FLAG_NO_BUFFERING.
//
#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>
#include <wmsbuffer.h>

#define AVSDUMP_HEADER_BYTES 64
#define AVSDUMP_FRAME_BYTES 4096 // one page, and a multiple of any sector size

// Does the capture pin's connection use a KS (kernel) allocator? avsdump
// only prints it.
HRESULT AvsDumpUsesKsAllocator(IPin *CapturePin, BOOL *KsAllocator)
{
    *KsAllocator = FALSE;

    IPin *peer = NULL;
    HRESULT hr = CapturePin->ConnectedTo(&peer);
    if (FAILED(hr)) {
        return hr;
    }
    IMemInputPin *input = NULL;
    hr = peer->QueryInterface(IID_IMemInputPin, reinterpret_cast<void **>(&input));
    peer->Release();
    if (FAILED(hr)) {
        return hr;
    }
    IMemAllocator *allocator = NULL;
    hr = input->GetAllocator(&allocator);
    input->Release();
    if (FAILED(hr)) {
        return hr;
    }

    IUnknown *ksAllocator = NULL;
    // SEEDED DEFECT 18: ks-allocator-ex-application-use — IKsAllocatorEx is for the KS proxy, not for applications, and this file is not proxy code
    if (SUCCEEDED(allocator->QueryInterface(IID_IKsAllocatorEx, reinterpret_cast<void **>(&ksAllocator)))) {
        *KsAllocator = TRUE;
        ksAllocator->Release();
    }
    allocator->Release();
    return S_OK;
}

// Reads frame FrameIndex of a recording, unbuffered.
static HRESULT AvsDumpReadFrameUnbuffered(IWMSBufferAllocator *Allocator, LPCWSTR Path, DWORD FrameIndex,
                                          INSSBuffer **Frame)
{
    *Frame = NULL;

    HANDLE file = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    INSSBuffer *buffer = NULL;
    // SEEDED DEFECT 19: ks-page-size-buffer — the buffer receives a ReadFile on a FILE_FLAG_NO_BUFFERING handle, which needs sector-aligned memory; AllocateBuffer does not promise any alignment, AllocatePageSizeBuffer does
    HRESULT hr = Allocator->AllocateBuffer(AVSDUMP_FRAME_BYTES, &buffer);
    if (SUCCEEDED(hr)) {
        BYTE *bytes = NULL;
        DWORD read = 0;
        LARGE_INTEGER offset;
        offset.QuadPart = static_cast<LONGLONG>(FrameIndex + 1) * AVSDUMP_FRAME_BYTES;
        hr = buffer->GetBuffer(&bytes);
        if (SUCCEEDED(hr) && !SetFilePointerEx(file, offset, NULL, FILE_BEGIN)) {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
        if (SUCCEEDED(hr) && !ReadFile(file, bytes, AVSDUMP_FRAME_BYTES, &read, NULL)) {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
        if (SUCCEEDED(hr)) {
            hr = buffer->SetLength(read);
        }
        if (SUCCEEDED(hr)) {
            *Frame = buffer;
        } else {
            buffer->Release();
        }
    }
    CloseHandle(file);
    return hr;
}

// The same read, into a buffer meant for it.
static HRESULT AvsDumpReadFramePageAligned(IWMSBufferAllocator *Allocator, LPCWSTR Path, DWORD FrameIndex,
                                           INSSBuffer **Frame)
{
    *Frame = NULL;

    HANDLE file = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    INSSBuffer *buffer = NULL;
    HRESULT hr = Allocator->AllocatePageSizeBuffer(AVSDUMP_FRAME_BYTES, &buffer);
    if (SUCCEEDED(hr)) {
        BYTE *bytes = NULL;
        DWORD read = 0;
        LARGE_INTEGER offset;
        offset.QuadPart = static_cast<LONGLONG>(FrameIndex + 1) * AVSDUMP_FRAME_BYTES;
        hr = buffer->GetBuffer(&bytes);
        if (SUCCEEDED(hr) && !SetFilePointerEx(file, offset, NULL, FILE_BEGIN)) {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
        if (SUCCEEDED(hr) && !ReadFile(file, bytes, AVSDUMP_FRAME_BYTES, &read, NULL)) {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
        if (SUCCEEDED(hr)) {
            hr = buffer->SetLength(read);
        }
        if (SUCCEEDED(hr)) {
            *Frame = buffer;
        } else {
            buffer->Release();
        }
    }
    CloseHandle(file);
    return hr;
}

// The 64-byte recording header, through the cache: any buffer will do.
static HRESULT AvsDumpReadHeader(IWMSBufferAllocator *Allocator, LPCWSTR Path, INSSBuffer **Header)
{
    *Header = NULL;

    HANDLE file = CreateFileW(Path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
                              NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    INSSBuffer *buffer = NULL;
    HRESULT hr = Allocator->AllocateBuffer(AVSDUMP_HEADER_BYTES, &buffer);
    if (SUCCEEDED(hr)) {
        BYTE *bytes = NULL;
        DWORD read = 0;
        hr = buffer->GetBuffer(&bytes);
        if (SUCCEEDED(hr) && !ReadFile(file, bytes, AVSDUMP_HEADER_BYTES, &read, NULL)) {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
        if (SUCCEEDED(hr) && read != AVSDUMP_HEADER_BYTES) {
            hr = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
        }
        if (SUCCEEDED(hr)) {
            hr = buffer->SetLength(read);
        }
        if (SUCCEEDED(hr)) {
            *Header = buffer;
        } else {
            buffer->Release();
        }
    }
    CloseHandle(file);
    return hr;
}

// Replays one frame of a recording. Server is the media server object the
// host hands avsdump; UsePageSizeBuffers is off only for the old code path.
HRESULT AvsDumpReplayFrame(IUnknown *Server, LPCWSTR Path, DWORD FrameIndex, BOOL UsePageSizeBuffers,
                           INSSBuffer **Frame)
{
    *Frame = NULL;

    IWMSBufferAllocator *allocator = NULL;
    HRESULT hr = Server->QueryInterface(IID_IWMSBufferAllocator, reinterpret_cast<void **>(&allocator));
    if (FAILED(hr)) {
        return hr;
    }

    INSSBuffer *header = NULL;
    hr = AvsDumpReadHeader(allocator, Path, &header);
    if (SUCCEEDED(hr)) {
        header->Release();
        hr = UsePageSizeBuffers ? AvsDumpReadFramePageAligned(allocator, Path, FrameIndex, Frame)
                                : AvsDumpReadFrameUnbuffered(allocator, Path, FrameIndex, Frame);
    }
    allocator->Release();
    return hr;
}

// KSREF-EXPECT-FILE: static-only ks-allocator-ex-application-use: a documentation contract ("for proxy use and not recommended for application use"): the call works at run time, ksref has nothing to observe
