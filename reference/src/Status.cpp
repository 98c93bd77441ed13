//===- Status.cpp - NTSTATUS names
//-----------------------------------------===//
#include "ksref/Status.h"

#include <cstdio>

namespace ksref {

const char *statusName(Status S) {
  switch (S) {
  case Status::Success:
    return "STATUS_SUCCESS";
  case Status::DatatypeMisalignment:
    return "STATUS_DATATYPE_MISALIGNMENT";
  case Status::AccessViolation:
    return "STATUS_ACCESS_VIOLATION";
  case Status::BufferOverflow:
    return "STATUS_BUFFER_OVERFLOW";
  case Status::Unsuccessful:
    return "STATUS_UNSUCCESSFUL";
  case Status::InvalidParameter:
    return "STATUS_INVALID_PARAMETER";
  case Status::InvalidDeviceRequest:
    return "STATUS_INVALID_DEVICE_REQUEST";
  case Status::BufferTooSmall:
    return "STATUS_BUFFER_TOO_SMALL";
  case Status::InsufficientResources:
    return "STATUS_INSUFFICIENT_RESOURCES";
  case Status::InvalidBufferSize:
    return "STATUS_INVALID_BUFFER_SIZE";
  case Status::NotFound:
    return "STATUS_NOT_FOUND";
  }
  // A value outside the enumeration (e.g. an allocator callback's own code):
  // one static buffer per thread keeps the const char * contract simple.
  thread_local char Buffer[32];
  std::snprintf(Buffer, sizeof(Buffer), "STATUS_0x%08X",
                static_cast<unsigned>(S));
  return Buffer;
}

} // namespace ksref
