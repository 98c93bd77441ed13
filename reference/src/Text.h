//===- Text.h - message formatting (private to ksref) ----------*- C++ -*-===//
#ifndef KSREF_SRC_TEXT_H
#define KSREF_SRC_TEXT_H

#include <cstdarg>
#include <cstdio>
#include <string>

namespace ksref {
namespace detail {

/// printf into a std::string.
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
inline std::string
fmt(const char *Format, ...) {
  va_list Args;
  va_start(Args, Format);
  va_list Copy;
  va_copy(Copy, Args);
  int N = std::vsnprintf(nullptr, 0, Format, Copy);
  va_end(Copy);
  std::string S(N > 0 ? static_cast<size_t>(N) : 0, '\0');
  if (N > 0)
    std::vsnprintf(&S[0], S.size() + 1, Format, Args);
  va_end(Args);
  return S;
}

/// "'Name'" for a named thing, or the fallback ("the handler") for none.
inline std::string quoted(const std::string &Name, const char *Fallback) {
  return Name.empty() ? std::string(Fallback) : "'" + Name + "'";
}

} // namespace detail
} // namespace ksref

#endif
