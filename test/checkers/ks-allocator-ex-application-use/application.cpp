// IKsAllocatorEx outside proxy code; ProxyFiles names the proxy files.
// RUN: %check_ks ks-allocator-ex-application-use %s
// RUN: %kstidy --checks='-*,ks-allocator-ex-application-use' --config="{CheckOptions: {ks-allocator-ex-application-use.ProxyFiles: '*/proxy/*;application.cpp'}}" %s -- | FileCheck %s --allow-empty --check-prefix=CHECK-PROXY
// CHECK-PROXY-NOT: warning:
#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>

HRESULT PeekAllocator(IUnknown *Pin) {
  IKsAllocatorEx *Allocator = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: IKsAllocatorEx is for KS proxy use and not recommended for application use; this file is not KS proxy code (list proxy files in the check's ProxyFiles option) [ks-allocator-ex-application-use]
  HRESULT hr = Pin->QueryInterface(IID_IKsAllocatorEx, (void **)&Allocator);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: IKsAllocatorEx is for KS proxy use
  if (SUCCEEDED(hr))
    Allocator->Release();
  return hr;
}

// Negative: IKsAllocator (without Ex) is not restricted.
HRESULT AllocatorMode(IKsAllocator *Allocator) {
  return Allocator->KsGetAllocatorMode() == KsAllocatorMode_Kernel ? S_OK : S_FALSE;
}

// KSREF-EXPECT-FILE: static-only ks-allocator-ex-application-use: a documentation contract ("for proxy use and not recommended for application use"): the call works at run time, ksref has nothing to observe
