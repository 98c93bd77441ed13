//===- Allocator.cpp - the AVStream custom allocator life cycle
//------------===//
//
// Each rule cites its source (URLs in docs/sources.md):
//  [INIT]    Microsoft, "PFNKSPININITIALIZEALLOCATOR callback function":
//  returns
//            STATUS_SUCCESS "or the error code that it received attempting to
//            create the allocator"; sets *Context, passed to the other
//            routines, which "must have at least an indirect way of
//            referencing Pin" -- Allocate needs the pin's AllocatorFraming
//            "and Context is the only parameter that AVStream will pass it";
//            "kernel-mode allocators cannot allocate frames that could
//            eventually reach user mode".
//  [ALLOC]   Microsoft, "PFNKSDEFAULTALLOCATE callback function": "returns a
//  pointer
//            to the newly allocated memory. Return NULL if the attempt to
//            allocate memory failed"; it "should allocate a frame as
//            described by the allocator framing context passed into the
//            initialization dispatch".
//  [DISPATCH] Microsoft, "KSALLOCATOR_DISPATCH structure" and the pages of
//            its four callbacks (PFNKSPININITIALIZEALLOCATOR,
//            PFNKSDEFAULTALLOCATE, PFNKSDEFAULTFREE, PFNKSDELETEALLOCATOR):
//            AVStream calls each of the four members; "memory allocated at
//            kernel level cannot be passed to a user-mode filter".
//  [PINEX]   Microsoft, "KSPIN_DESCRIPTOR_EX structure":
//            KSPIN_FLAG_DENY_USERMODE_ACCESS "prevents user-mode access to
//            this specific pin".
//  [POOL]    Microsoft, "ExAllocatePoolWithTag function": blocks of PAGE_SIZE
//            or more are page-aligned; smaller ones are 16-byte aligned on
//            64-bit systems.
//  [FRAMING] Microsoft, "KSALLOCATOR_FRAMING structure".
//
//===----------------------------------------------------------------------===//
#include "ksref/Allocator.h"

#include "ksref/Layout.h"

#include "Text.h"

#include <algorithm>

namespace ksref {

using detail::fmt;

uint32_t poolAlignment(uint32_t Size, uint32_t Requested) {
  // [POOL]
  const uint32_t Base = Size >= PageSize ? PageSize : 16;
  return std::max(Base, Requested);
}

namespace {

// What a callback returns instead of NULL: recognisable non-frame values.
constexpr uint64_t SentinelFrame = 0xFFFFFFFFFFFFFFFFull;      // (PVOID)-1
constexpr uint64_t UninitializedFrame = 0xCCCCCCCCCCCCCCCCull; // stack garbage

class Lifecycle {
public:
  Lifecycle(const AllocatorDispatchModel &D, const PinModel &P, bool User)
      : D(D), P(P), UserConsumer(User) {}

  AllocatorRun run();

private:
  std::string callback(const char *Member, const std::string &Function) const {
    return Function.empty() ? fmt("%s of '%s'", Member, D.Name.c_str())
                            : fmt("%s '%s' of '%s'", Member, Function.c_str(),
                                  D.Name.c_str());
  }
  void violation(const char *Check, std::string What) {
    addViolation(R.Violations, Check, std::move(What));
  }
  void trace(std::string Line) { R.Trace.push_back(std::move(Line)); }
  void checkContextType(const char *Member, const std::string &Function,
                        const std::string &Type);
  bool nullMember(const char *Member, const char *Consequence);
  void runDefault();
  void allocateFrames();
  void allocateUnderPressure();
  void deliver();
  void freeFrames();

  const AllocatorDispatchModel &D;
  const PinModel &P;
  const bool UserConsumer;
  AllocatorRun R;
  FrameTracker Tracker{checks::AllocateNullOnFailure};
  std::vector<uint64_t> Handed; // what Allocate returned, frames or not
};

bool Lifecycle::nullMember(const char *Member, const char *Consequence) {
  // [DISPATCH] AVStream calls all four members.
  violation(checks::AllocatorDispatchCallbacks,
            fmt("AVStream calls the %s member of KSALLOCATOR_DISPATCH '%s' "
                "for pin '%s', and it is NULL: %s",
                Member, D.Name.c_str(), P.Name.c_str(), Consequence));
  R.Faulted = true;
  trace(fmt("%s: call through NULL", Member));
  return true;
}

void Lifecycle::checkContextType(const char *Member,
                                 const std::string &Function,
                                 const std::string &Type) {
  // [INIT] Context is what InitializeAllocator stored; reading it as
  // another type reads the wrong object.
  const std::string &Stored = D.Initialize.StoredType;
  if (Stored.empty() || Type.empty() || Type == Stored)
    return;
  violation(checks::AllocatorContext,
            fmt("%s reads Context as '%s', but InitializeAllocator stored a "
                "'%s' there",
                callback(Member, Function).c_str(), Type.c_str(),
                Stored.c_str()));
}

AllocatorRun Lifecycle::run() {
  // [PINEX] KSPIN_FLAG_DENY_USERMODE_ACCESS keeps user-mode clients off the
  // pin: no connection, no allocator.
  if (UserConsumer && P.DenyUserMode) {
    trace(fmt("user-mode client refused by pin '%s' "
              "(KSPIN_FLAG_DENY_USERMODE_ACCESS): nothing is allocated",
              P.Name.c_str()));
    return R;
  }
  if (!P.CustomAllocator) {
    runDefault();
    return R;
  }

  // --- InitializeAllocator, when the pin connects ---
  if (!D.Initialize.Present) {
    nullMember("InitializeAllocator", "the pin cannot connect");
    R.InitializeStatus = Status::Unsuccessful;
    return R;
  }
  const std::string Init =
      callback("InitializeAllocator", D.Initialize.Function);
  // Run 1: its own allocation succeeds.
  trace(fmt("%s: STATUS_SUCCESS", Init.c_str()));
  if (D.Initialize.SuccessWithoutContext)
    violation(checks::AllocatorContext,
              fmt("%s returns STATUS_SUCCESS on a path that never sets "
                  "*Context: AVStream passes an undefined Context to "
                  "Allocate, Free and DeleteAllocator",
                  Init.c_str()));
  if (D.Initialize.IgnoresPinAndFraming)
    violation(checks::AllocatorContext,
              fmt("%s never uses Pin nor AllocatorFraming: the Context it "
                  "stores cannot lead Allocate to the framing of pin '%s'%s, "
                  "and Context is all AVStream passes Allocate",
                  Init.c_str(), P.Name.c_str(),
                  P.HasFraming ? fmt(" (%u frames of %u bytes)",
                                     P.Framing.Frames, P.Framing.FrameSize)
                                     .c_str()
                               : ""));
  // Run 2: the allocation it makes to create the allocator fails.
  if (D.Initialize.SuccessAfterFailedAllocation)
    violation(checks::AllocatorContext,
              fmt("with its own allocation failing, %s still returns "
                  "STATUS_SUCCESS instead of the error it received: AVStream "
                  "goes on and calls Allocate with a context that was never "
                  "created",
                  Init.c_str()));
  else
    trace(fmt("%s under an injected allocation failure (a separate "
              "connection): returns the error, that connection fails as it "
              "should",
              Init.c_str()));

  // --- Allocate, deliver, Free, DeleteAllocator ---
  allocateFrames();
  allocateUnderPressure();
  deliver();
  freeFrames();
  if (!D.Delete.Present) {
    nullMember("DeleteAllocator",
               "the pin cannot close cleanly and the context "
               "InitializeAllocator created is never freed");
  } else {
    checkContextType("DeleteAllocator", D.Delete.Function,
                     D.Delete.ContextType);
    trace(fmt("%s: context released",
              callback("DeleteAllocator", D.Delete.Function).c_str()));
  }
  for (const Violation &V : Tracker.violations())
    violation(V.Check.c_str(), V.What);
  R.Outstanding = Tracker.leaks();
  return R;
}

void Lifecycle::runDefault() {
  // The pin uses the default (ks.sys) allocator. Its creation request asks
  // for the pin's framing; the request's OptionsFlags can only say
  // SYSTEM_MEMORY of what the requirements say ([FRAMING]: OPTIONF_* are
  // COMPATIBLE and SYSTEM_MEMORY).
  if (!P.HasFraming) {
    trace("default allocator, no framing in the model: nothing to replay");
    return;
  }
  FramingModel Request = P.Framing;
  Request.Flags = (P.Framing.Flags & KsAllocatorRequirementSystemMemory)
                      ? KsAllocatorOptionSystemMemory
                      : 0;
  R.InitializeStatus = validateDefaultFraming(Request);
  if (!ntSuccess(R.InitializeStatus)) {
    trace(fmt("default allocator rejects the framing of pin '%s': %s",
              P.Name.c_str(), statusName(R.InitializeStatus)));
    return;
  }
  const uint32_t N = std::max<uint32_t>(P.Framing.Frames, 1);
  for (uint32_t I = 0; I < N; ++I) {
    const Frame F = Tracker.allocate(
        P.Framing.FrameSize,
        poolAlignment(P.Framing.FrameSize,
                      static_cast<uint32_t>(P.Framing.alignment())),
        MemoryOrigin::KernelPool);
    Handed.push_back(F.Id);
  }
  R.FramesAllocated = N;
  R.FramesDelivered = N;
  for (uint64_t Id : Handed)
    Tracker.free(Id);
  trace(fmt("default allocator: %u frames of %u bytes allocated, delivered "
            "and freed",
            N, P.Framing.FrameSize));
  R.Outstanding = Tracker.leaks();
}

void Lifecycle::allocateFrames() {
  const AllocateEffects &A = D.Allocate;
  const std::string Alloc = callback("Allocate", A.Function);
  if (!A.Present) {
    nullMember("Allocate", "the first frame request bugchecks");
    return;
  }
  checkContextType("Allocate", A.Function, A.ContextType);
  const uint32_t N = P.HasFraming ? std::max<uint32_t>(P.Framing.Frames, 1) : 1;
  // The frame size: what Allocate allocates, else (unknown) what the
  // framing asks for, as [ALLOC] requires.
  const uint32_t Size =
      A.FrameSize ? A.FrameSize : (P.HasFraming ? P.Framing.FrameSize : 0);
  const uint32_t Align =
      A.FromKernelPool ? poolAlignment(Size, A.Alignment) : A.Alignment;
  if (P.HasFraming && A.FrameSize && P.Framing.FrameSize &&
      A.FrameSize < P.Framing.FrameSize)
    violation(checks::AllocateNullOnFailure,
              fmt("%s allocates %u-byte frames but the framing of pin '%s' "
                  "asks for %u: AVStream fills %u bytes, %u past the end of "
                  "each frame",
                  Alloc.c_str(), A.FrameSize, P.Name.c_str(),
                  P.Framing.FrameSize, P.Framing.FrameSize,
                  P.Framing.FrameSize - A.FrameSize));
  if (P.HasFraming && P.Framing.FileAlignment && Align < P.Framing.alignment())
    violation(checks::AllocateNullOnFailure,
              fmt("%s returns frames aligned to %u bytes but the framing of "
                  "pin '%s' asks for FileAlignment 0x%x (%llu-byte "
                  "alignment)",
                  Alloc.c_str(), Align, P.Name.c_str(), P.Framing.FileAlignment,
                  static_cast<unsigned long long>(P.Framing.alignment())));
  // [INIT] "Kernel-mode allocators cannot allocate frames that could
  // eventually reach user mode": every frame of a custom allocator is
  // kernel memory, pool or not.
  for (uint32_t I = 0; I < N; ++I)
    Handed.push_back(
        Tracker.allocate(Size, Align, MemoryOrigin::KernelPool).Id);
  R.FramesAllocated += N;
  trace(fmt("%s: %u frame%s of %u bytes, %u-byte aligned", Alloc.c_str(), N,
            N == 1 ? "" : "s", Size, Align));
}

void Lifecycle::allocateUnderPressure() {
  const AllocateEffects &A = D.Allocate;
  if (!A.Present)
    return;
  const std::string Alloc = callback("Allocate", A.Function);
  // [ALLOC] Under memory pressure Allocate must return NULL; AVStream takes
  // any non-NULL value for a frame and fills it.
  if (A.Raises) {
    violation(checks::AllocateNullOnFailure,
              fmt("when its allocation fails, %s raises or bugchecks instead "
                  "of returning NULL",
                  Alloc.c_str()));
    R.Faulted = true;
    trace(fmt("%s under memory pressure: raises", Alloc.c_str()));
    return;
  }
  uint64_t Bogus = 0;
  std::string What;
  if (A.ReturnsFreed) {
    // A block it allocated and freed again before returning it.
    const Frame F = Tracker.allocate(A.FrameSize ? A.FrameSize : 1, A.Alignment,
                                     MemoryOrigin::KernelPool);
    Tracker.free(F.Id);
    Bogus = F.Id;
    What = fmt("a block it has already freed (0x%llx)",
               static_cast<unsigned long long>(Bogus));
  } else if (A.ReturnsSentinel) {
    Bogus = SentinelFrame;
    What = "(PVOID)-1";
  } else if (A.MayReturnUninitialized) {
    Bogus = UninitializedFrame;
    What = "an uninitialized pointer";
  }
  if (!Bogus) {
    trace(fmt("%s under memory pressure: NULL, AVStream fails the frame "
              "request",
              Alloc.c_str()));
    return;
  }
  violation(checks::AllocateNullOnFailure,
            fmt("when its allocation fails, %s returns %s instead of NULL: "
                "AVStream takes it for a frame and writes into it",
                Alloc.c_str(), What.c_str()));
  R.Faulted = true;
  Handed.push_back(Bogus);
  ++R.FramesAllocated;
  trace(
      fmt("%s under memory pressure: returns %s", Alloc.c_str(), What.c_str()));
}

void Lifecycle::deliver() {
  if (Handed.empty())
    return;
  R.FramesDelivered = static_cast<uint32_t>(Handed.size());
  const std::string Alloc = callback("Allocate", D.Allocate.Function);
  // [DISPATCH]/[INIT] Memory allocated at kernel level cannot be passed to a
  // user-mode filter: a user-mode client on a pin without
  // KSPIN_FLAG_DENY_USERMODE_ACCESS receives the custom allocator's frames.
  size_t Frames = 0; // real frames, not what a broken Allocate returned
  for (uint64_t Id : Handed)
    Frames += Tracker.isLive(Id);
  if (UserConsumer && Frames)
    violation(checks::AllocatorUserModeFrames,
              fmt("pin '%s' uses the custom kernel-mode allocator '%s' and "
                  "lacks KSPIN_FLAG_DENY_USERMODE_ACCESS: a user-mode client "
                  "receives %zu frame%s of kernel memory",
                  P.Name.c_str(), D.Name.c_str(), Frames,
                  Frames == 1 ? "" : "s"));
  // [FRAMING] KSMEMORY_TYPE_USER framing served from kernel pool.
  if (P.HasFraming && P.Framing.wantsUserMemory() && D.Allocate.FromKernelPool)
    violation(checks::AllocatorUserModeFrames,
              fmt("the framing of pin '%s' says KSMEMORY_TYPE_USER, but %s "
                  "takes the frames from kernel pool",
                  P.Name.c_str(), Alloc.c_str()));
  trace(fmt("%zu frame%s delivered to a %s consumer", Handed.size(),
            Handed.size() == 1 ? "" : "s",
            UserConsumer ? "user-mode" : "kernel-mode"));
}

void Lifecycle::freeFrames() {
  if (Handed.empty())
    return;
  if (!D.Free.Present) {
    nullMember("Free", "every frame AVStream returns is a call through NULL, "
                       "and the frames are never freed");
    return;
  }
  checkContextType("Free", D.Free.Function, D.Free.ContextType);
  for (uint64_t Id : Handed)
    Tracker.free(Id);
  trace(fmt("%s: %zu frame%s returned",
            callback("Free", D.Free.Function).c_str(), Handed.size(),
            Handed.size() == 1 ? "" : "s"));
}

} // namespace

AllocatorRun runAllocatorLifecycle(const AllocatorDispatchModel &Dispatch,
                                   const PinModel &Pin, bool UserModeConsumer) {
  return Lifecycle(Dispatch, Pin, UserModeConsumer).run();
}

} // namespace ksref
