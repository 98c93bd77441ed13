//===- ReplayAllocators.cpp - Allocator life cycles, one fact at a time ---===//
//
// Each KSALLOCATOR_DISPATCH is run through ksref's allocator life cycle on
// the pins that install it, once per fact the static model recorded (a
// missing callback, a callback of another signature, what a callback's body
// does), so that each failure observed is the fact's.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/Layout.h"
#include "ksref/ksref.h"

namespace ks {
namespace replay {

namespace {

/// A pin that installs an allocator, with where its facts were written.
struct PinUse {
  ksref::PinModel Pin;
  Span Flags, Framing;
};

class AllocatorReplay {
public:
  AllocatorReplay(TuContext &C, const schema::AllocatorDispatch &D,
                  std::vector<PinUse> Pins);
  void run();

private:
  /// Runs the life cycle of \p M on \p Pin; reports the first violation
  /// of \p E.
  void lifeCycle(const ksref::AllocatorDispatchModel &M, const PinUse &Pin,
                 Evidence E, const Span &Where, const std::string &Step);
  void signatures();
  void context();
  void allocate();
  void userModeFrames();

  TuContext &C;
  const schema::AllocatorDispatch &D;
  std::vector<PinUse> Pins;
  /// The dispatch as written, and with its contract kept: every callback
  /// present, no defect recorded.
  ksref::AllocatorDispatchModel Base, Clean;
  /// The first pin, kernel-only and without framing.
  PinUse KernelOnly;
};

AllocatorReplay::AllocatorReplay(TuContext &C,
                                 const schema::AllocatorDispatch &D,
                                 std::vector<PinUse> P)
    : C(C), D(D), Pins(std::move(P)) {
  Base.Name = D.Name;
  Base.Initialize.Present = D.Initialize.has_value();
  Base.Initialize.Function = D.Initialize ? D.Initialize->Name : "";
  Base.Delete.Present = D.Delete.has_value();
  Base.Allocate.Present = D.Allocate.has_value();
  Base.Allocate.Function = D.Allocate ? D.Allocate->Name : "";
  Base.Free.Present = D.Free.has_value();
  Clean = Base;
  Clean.Initialize.Present = Clean.Delete.Present = Clean.Allocate.Present =
      Clean.Free.Present = true;
  if (Pins.empty()) {
    PinUse U;
    U.Pin.Name = "a kernel-only pin";
    U.Pin.CustomAllocator = true;
    U.Pin.DenyUserMode = true;
    Pins.push_back(U);
  }
  KernelOnly = Pins.front();
  KernelOnly.Pin.DenyUserMode = true;
  KernelOnly.Pin.HasFraming = false;
}

void AllocatorReplay::lifeCycle(const ksref::AllocatorDispatchModel &M,
                                const PinUse &Pin, Evidence E,
                                const Span &Where, const std::string &Step) {
  ksref::AllocatorRun R =
      ksref::runAllocatorLifecycle(M, Pin.Pin, !Pin.Pin.DenyUserMode);
  for (const ksref::Violation &Vi : R.Violations)
    if (is(Vi, E)) {
      C.report(E, Where, Vi.What, Step + " for " + Pin.Pin.Name);
      break;
    }
}

void AllocatorReplay::run() {
  // ks-allocator-dispatch-callbacks: the missing member, called.
  if (!Base.Initialize.Present || !Base.Delete.Present ||
      !Base.Allocate.Present || !Base.Free.Present)
    lifeCycle(Base, KernelOnly, Evidence::AllocatorCallbacks, span(D.Where),
              "allocator life cycle of '" + D.Name + "'");
  signatures();
  context();
  allocate();
  userModeFrames();
}

/// A callback of another signature: AVStream passes the slot's arguments.
void AllocatorReplay::signatures() {
  for (const auto &[Key, Slot] :
       {std::pair{"initializeAllocator", &D.Initialize},
        {"deleteAllocator", &D.Delete},
        {"allocate", &D.Allocate},
        {"free", &D.Free}}) {
    if (!*Slot)
      continue;
    const schema::Callback &Cb = **Slot;
    if (Cb.ReturnMismatch.value_or(false) && Slot == &D.Allocate) {
      // AVStream takes whatever Allocate returns for the frame: here a
      // status code, 0 on success.
      ksref::AllocatorDispatchModel M = Clean;
      M.Allocate.ReturnsSentinel = true;
      ksref::AllocatorRun R =
          ksref::runAllocatorLifecycle(M, KernelOnly.Pin, false);
      if (!R.Violations.empty())
        C.report(Evidence::AllocatorCallbacks, span(Cb.SlotWhere),
                 "AVStream reads the status '" + Cb.Name +
                     "' returns as the frame: " + R.Violations.front().What,
                 "allocate of '" + D.Name + "'");
    }
    if (!Cb.Parameters || !Cb.SlotParameters ||
        *Cb.Parameters == *Cb.SlotParameters)
      continue;
    // Free(Context, Frame) into Free(Frame): the callback frees the
    // context as if it were the frame; the frame itself is never freed.
    ksref::FrameTracker Tracker(checkName(Evidence::AllocatorCallbacks));
    const PinUse &First = Pins.front();
    ksref::Frame F = Tracker.allocate(First.Pin.Framing.FrameSize
                                          ? First.Pin.Framing.FrameSize
                                          : ksref::PageSize);
    Tracker.free(F.Id + 0x1000000); // the context, not a frame
    std::string What =
        Tracker.violations().empty()
            ? std::string("the callback receives the wrong arguments")
            : Tracker.violations().front().What;
    if (!Tracker.leaks().empty())
      What += "; the frame is never freed";
    C.report(Evidence::AllocatorCallbacks, span(Cb.SlotWhere),
             "'" + Cb.Name + "' takes " + std::to_string(*Cb.Parameters) +
                 " parameters, AVStream passes " +
                 std::to_string(*Cb.SlotParameters) + ": " + What,
             std::string(Key) + " of '" + D.Name + "'");
  }
}

const schema::CallbackEffects *
effectsOf(const std::optional<schema::Callback> &Cb) {
  return Cb && Cb->Effects ? &*Cb->Effects : nullptr;
}

/// ks-allocator-context.
void AllocatorReplay::context() {
  const schema::CallbackEffects *E = effectsOf(D.Initialize);
  if (!E)
    return;
  for (const auto &[Key, Fact, Flag] :
       {std::tuple{"successWithoutContext", &E->SuccessWithoutContext,
                   &ksref::InitializeEffects::SuccessWithoutContext},
        {"successAfterFailedAllocation", &E->SuccessAfterFailedAllocation,
         &ksref::InitializeEffects::SuccessAfterFailedAllocation},
        {"ignoresPinAndFraming", &E->IgnoresPinAndFraming,
         &ksref::InitializeEffects::IgnoresPinAndFraming}})
    if (Fact->Present) {
      ksref::AllocatorDispatchModel M = Clean;
      M.Initialize.*Flag = true;
      lifeCycle(M, KernelOnly, Evidence::AllocatorContext, span(*Fact),
                std::string("InitializeAllocator (") + Key + ")");
    }
  std::string Stored = E->StoredContextType.value_or("");
  if (Stored.empty())
    return;
  for (const auto &[Key, Slot] : {std::pair{"allocate", &D.Allocate},
                                  {"free", &D.Free},
                                  {"deleteAllocator", &D.Delete}})
    if (const schema::CallbackEffects *CE = effectsOf(*Slot)) {
      std::string Read = CE->ContextCastType.value_or("");
      if (Read.empty() || Read == Stored)
        continue;
      ksref::AllocatorDispatchModel M = Clean;
      M.Initialize.StoredType = Stored;
      (Slot == &D.Allocate ? M.Allocate.ContextType
       : Slot == &D.Free   ? M.Free.ContextType
                           : M.Delete.ContextType) = Read;
      lifeCycle(M, KernelOnly, Evidence::AllocatorContext,
                span(CE->ContextCastWhere),
                std::string(Key) + " reading its context");
    }
}

/// ks-allocate-null-on-failure.
void AllocatorReplay::allocate() {
  const schema::CallbackEffects *E = effectsOf(D.Allocate);
  if (!E)
    return;
  for (const auto &[Key, Fact, Flag] :
       {std::tuple{"returnsUninitialized", &E->ReturnsUninitialized,
                   &ksref::AllocateEffects::MayReturnUninitialized},
        {"returnsSentinel", &E->ReturnsSentinel,
         &ksref::AllocateEffects::ReturnsSentinel},
        {"returnsFreed", &E->ReturnsFreed,
         &ksref::AllocateEffects::ReturnsFreed},
        {"raisesInsteadOfNull", &E->RaisesInsteadOfNull,
         &ksref::AllocateEffects::Raises}})
    if (Fact->Present) {
      ksref::AllocatorDispatchModel M = Clean;
      M.Allocate.*Flag = true;
      lifeCycle(M, KernelOnly, Evidence::AllocateNullOnFailure, span(*Fact),
                std::string("Allocate under memory pressure (") + Key + ")");
    }
  if (E->SmallestAllocation)
    for (const PinUse &Pin : Pins) {
      if (!Pin.Pin.HasFraming)
        continue;
      uint32_t Size = static_cast<uint32_t>(*E->SmallestAllocation);
      ksref::AllocatorDispatchModel M = Clean;
      M.Allocate.FrameSize = Size;
      M.Allocate.Alignment = ksref::poolAlignment(Size);
      PinUse P = Pin;
      P.Pin.DenyUserMode = true;
      lifeCycle(M, P, Evidence::AllocateNullOnFailure,
                span(E->SmallestAllocationWhere), "Allocate");
    }
}

/// ks-allocator-user-mode-frames.
void AllocatorReplay::userModeFrames() {
  bool FromPool = true;
  if (const schema::CallbackEffects *E = effectsOf(D.Allocate))
    FromPool = E->AllocatesFromPool;
  for (const PinUse &Pin : Pins) {
    if (!Pin.Flags.known())
      continue;
    ksref::AllocatorDispatchModel M = Clean;
    M.Allocate.FromKernelPool = FromPool;
    PinUse P = Pin;
    P.Pin.HasFraming = false;
    if (!Pin.Pin.DenyUserMode)
      lifeCycle(M, P, Evidence::UserModeFrames, Pin.Flags,
                "frames delivered to a user-mode client");
    if (Pin.Pin.HasFraming && Pin.Pin.Framing.wantsUserMemory()) {
      PinUse Q = Pin;
      Q.Pin.DenyUserMode = true;
      lifeCycle(M, Q, Evidence::UserModeFrames, Pin.Framing,
                "frames for a KSMEMORY_TYPE_USER framing");
    }
  }
}

/// The pins of the TU by the allocator their dispatch installs.
std::map<std::string, std::vector<PinUse>> pinsByAllocator(const TuContext &C) {
  std::map<std::string, std::pair<ksref::FramingModel, Span>> Framings;
  for (const schema::Framing &F : C.Tu.Framings) {
    ksref::FramingModel M;
    M.Frames = u32(F.Frames, 1);
    M.FrameSize = u32(F.MinFrameSize);
    M.FileAlignment = u32(F.FileAlignment);
    M.Flags = u32(F.Flags);
    M.MemoryType = F.MemoryType.value_or("");
    Framings[F.Name] = {M, span(F.Where)};
  }
  std::map<std::string, std::string> DispatchAllocator;
  for (const schema::PinDispatch &P : C.Tu.PinDispatches)
    DispatchAllocator[P.Name] = P.Allocator.value_or("");
  std::map<std::string, std::vector<PinUse>> PinsOf;
  for (const schema::Pin &P : C.Tu.Pins) {
    auto It = DispatchAllocator.find(P.Dispatch.value_or(""));
    if (It == DispatchAllocator.end() || It->second.empty())
      continue;
    PinUse U;
    U.Pin.Name = "pin " + std::to_string(static_cast<uint32_t>(P.Index)) +
                 " of '" + P.Array + "'";
    U.Pin.CustomAllocator = true;
    U.Pin.DenyUserMode = u32(P.Flags) & KsPinFlagDenyUserModeAccess;
    U.Flags = orElse(span(P.FlagsWhere), span(P.Where));
    if (auto F = Framings.find(P.AllocatorFraming.value_or(""));
        F != Framings.end()) {
      U.Pin.Framing = F->second.first;
      U.Pin.HasFraming = true;
      U.Framing = F->second.second;
    }
    PinsOf[It->second].push_back(U);
  }
  return PinsOf;
}

} // namespace

void replayAllocators(TuContext &C) {
  std::map<std::string, std::vector<PinUse>> PinsOf = pinsByAllocator(C);
  for (const schema::AllocatorDispatch &D : C.Tu.AllocatorDispatches)
    AllocatorReplay(C, D, PinsOf[D.Name]).run();
}

} // namespace replay
} // namespace ks
