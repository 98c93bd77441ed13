//===- ksref/Status.h - NTSTATUS values the reference returns ---*- C++ -*-===//
//
// The NTSTATUS codes that the modelled KS runtime paths return. The numeric
// values are those of ntstatus.h (Microsoft's "NTSTATUS Values" page); the
// situations that produce each one are cited where the reference returns it.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_STATUS_H
#define KSREF_STATUS_H

#include <cstdint>

namespace ksref {

enum class Status : uint32_t {
  Success = 0x00000000,               // STATUS_SUCCESS
  DatatypeMisalignment = 0x80000002,  // STATUS_DATATYPE_MISALIGNMENT
  BufferOverflow = 0x80000005,        // STATUS_BUFFER_OVERFLOW (a warning)
  Unsuccessful = 0xC0000001,          // STATUS_UNSUCCESSFUL
  AccessViolation = 0xC0000005,       // STATUS_ACCESS_VIOLATION
  InvalidParameter = 0xC000000D,      // STATUS_INVALID_PARAMETER
  InvalidDeviceRequest = 0xC0000010,  // STATUS_INVALID_DEVICE_REQUEST
  BufferTooSmall = 0xC0000023,        // STATUS_BUFFER_TOO_SMALL
  InsufficientResources = 0xC000009A, // STATUS_INSUFFICIENT_RESOURCES
  InvalidBufferSize = 0xC0000206,     // STATUS_INVALID_BUFFER_SIZE
  NotFound = 0xC0000225,              // STATUS_NOT_FOUND
};

/// "STATUS_NOT_FOUND" and so on; "STATUS_0x........" for a value outside the
/// enumeration (a status an injected allocator callback returned).
const char *statusName(Status S);

/// NT_SUCCESS(): success and informational codes (severity 0 or 1).
/// STATUS_BUFFER_OVERFLOW is a warning (severity 2), so it is not a success.
inline bool ntSuccess(Status S) {
  return static_cast<int32_t>(static_cast<uint32_t>(S)) >= 0;
}

} // namespace ksref

#endif
