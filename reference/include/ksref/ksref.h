//===- ksref/ksref.h - the KS runtime reference (umbrella) ------*- C++ -*-===//
//
// ksref: an executable model of what the KS runtime (ks.sys, portcls.sys,
// AVStream, ksproxy) does with a driver's property tables and allocators.
// Portable C++17, no LLVM/clang dependency. See reference/README.md.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_KSREF_H
#define KSREF_KSREF_H

#include "ksref/Allocator.h"
#include "ksref/Descriptors.h"
#include "ksref/EventDispatch.h"
#include "ksref/FastProperty.h"
#include "ksref/FrameTracker.h"
#include "ksref/Framing.h"
#include "ksref/Layout.h"
#include "ksref/Memory.h"
#include "ksref/MethodDispatch.h"
#include "ksref/Modes.h"
#include "ksref/ParameterAllocator.h"
#include "ksref/PortCls.h"
#include "ksref/PropertyDispatch.h"
#include "ksref/PropertyTypes.h"
#include "ksref/Reachability.h"
#include "ksref/Status.h"
#include "ksref/UserAddress.h"
#include "ksref/Violation.h"

#endif
