// Probe: a camera driver publishing its physical location (AVStream
// style): wdm.h, windef.h, ks.h, ksmedia.h, ntstrsafe.h, mmreg.h,
// acpitabl.h; ACPI_PLD_V2_BUFFER, the panel/rotation enums and the
// AcpiPldPanel/AcpiPldRotation spellings.
#include <wdm.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>
#include <ntstrsafe.h>
#define NOBITMAP
#include <mmreg.h>
#undef NOBITMAP
#include <acpitabl.h>

static_assert(sizeof(ACPI_PLD_BUFFER) == 16, "_PLD revision 1 is 128 bits");
static_assert(sizeof(ACPI_PLD_V2_BUFFER) == 20, "_PLD revision 2 is 160 bits");
static_assert(AcpiPldPanelFront == 4 && AcpiPldPanelUnknown == 6,
              "documented values");
static_assert(AcpiPldRotation90 == 2 && AcpiPldRotation315 == 7,
              "documented values");

struct ProbeSensor {
  AcpiPldPanel Position;
  AcpiPldRotation Rotation;
};

static ULONG ProbeDegrees(AcpiPldRotation r) {
  switch (r) {
    case AcpiPldRotation0: return 0;
    case AcpiPldRotation90: return 90;
    case AcpiPldRotation180: return 180;
    case AcpiPldRotation270: return 270;
    default: return 45 * (ULONG)r;
  }
}

ULONG ProbeFillPld(const ProbeSensor *s, ACPI_PLD_V2_BUFFER *out) {
  ACPI_PLD_V2_BUFFER pld = {0};
  pld.Revision = 2;
  pld.Panel = s->Position;
  pld.Rotation = s->Rotation;
  pld.CabinetNumber = 0;
  pld.VerticalPosition = AcpiPldVPosCenter;
  *out = pld;
  const GUID *ext = &ACPI_PLD_JOINT_BUFFER_GUID;
  (void)ext;
  return ProbeDegrees((AcpiPldRotation)pld.Rotation);
}
