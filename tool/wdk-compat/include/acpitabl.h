/*
 * kstidy WDK-profile stand-in for <acpitabl.h>, which mingw-w64 does not
 * ship.
 *
 * Only the _PLD (physical location of device) part is declared: camera and
 * audio drivers fill an ACPI_PLD_V2_BUFFER to publish where a sensor or
 * jack sits (DEVPKEY_Device_PhysicalDeviceLocation). Written for kstidy from
 * Microsoft's acpitabl.h reference pages on learn.microsoft.com (the
 * ACPI_PLD_* enumerations with their values and bit positions, and the
 * Microsoft PLD extension buffers with their GUIDs) and from the _PLD
 * buffer layout of the ACPI specification (section "_PLD (Physical Location
 * of Device)"). The ACPI description tables (DESCRIPTION_HEADER, FADT,
 * MADT, ...) that the real header also carries are not declared.
 *
 * If a real acpitabl.h is found later on the include path it is used.
 */
#if defined(__has_include_next) && !defined(KSTIDY_ACPITABL_NO_INCLUDE_NEXT)
#if __has_include_next(<acpitabl.h>)
#define KSTIDY_ACPITABL_USE_REAL_HEADER 1
#endif
#endif

#ifdef KSTIDY_ACPITABL_USE_REAL_HEADER
#include_next <acpitabl.h>
#else

#ifndef KSTIDY_WDK_ACPITABL_H
#define KSTIDY_WDK_ACPITABL_H

#include <guiddef.h>

/* Panel surface, bits 67:69 of the _PLD buffer. */
typedef enum _ACPI_PLD_PANEL {
  AcpiPldPanelTop,     /* 0 */
  AcpiPldPanelBottom,  /* 1 */
  AcpiPldPanelLeft,    /* 2 */
  AcpiPldPanelRight,   /* 3 */
  AcpiPldPanelFront,   /* 4 */
  AcpiPldPanelBack,    /* 5 */
  AcpiPldPanelUnknown  /* 6 */
} ACPI_PLD_PANEL, *PACPI_PLD_PANEL;

/* Vertical position on the panel, bits 70:71. */
typedef enum _ACPI_PLD_VERTICAL_POSITION {
  AcpiPldVPosUpper,   /* 0 */
  AcpiPldVPosCenter,  /* 1 */
  AcpiPldVPosLower    /* 2 */
} ACPI_PLD_VERTICAL_POSITION, *PACPI_PLD_VERTICAL_POSITION;

/* Group orientation, bit 78. */
typedef enum _ACPI_PLD_ORIENTATION {
  AcpiPldOrientationHorizontal,  /* 0 */
  AcpiPldOrientationVertical     /* 1 */
} ACPI_PLD_ORIENTATION, *PACPI_PLD_ORIENTATION;

/* Clockwise rotation in 45 degree steps, bits 115:118. */
typedef enum _ACPI_PLD_ROTATION {
  AcpiPldRotation0,    /* 0 */
  AcpiPldRotation45,   /* 1 */
  AcpiPldRotation90,   /* 2 */
  AcpiPldRotation135,  /* 3 */
  AcpiPldRotation180,  /* 4 */
  AcpiPldRotation225,  /* 5 */
  AcpiPldRotation270,  /* 6 */
  AcpiPldRotation315   /* 7 */
} ACPI_PLD_ROTATION, *PACPI_PLD_ROTATION;

/* Drivers (for example the WDK camera samples) also spell the panel and
   rotation types AcpiPldPanel / AcpiPldRotation. */
typedef ACPI_PLD_PANEL AcpiPldPanel;
typedef ACPI_PLD_ROTATION AcpiPldRotation;

/* _PLD buffer, revision 1 (128 bits), fields in ACPI bit order. */
typedef struct _ACPI_PLD_BUFFER {
  UINT32 Revision : 7;            /* 0:6 */
  UINT32 IgnoreColor : 1;         /* 7 */
  UINT32 Color : 24;              /* 8:31, 0x00RRGGBB */
  UINT32 Width : 16;              /* 32:47, millimetres */
  UINT32 Height : 16;             /* 48:63, millimetres */
  UINT32 UserVisible : 1;         /* 64 */
  UINT32 Dock : 1;                /* 65 */
  UINT32 Lid : 1;                 /* 66 */
  UINT32 Panel : 3;               /* 67:69, ACPI_PLD_PANEL */
  UINT32 VerticalPosition : 2;    /* 70:71 */
  UINT32 HorizontalPosition : 2;  /* 72:73 */
  UINT32 Shape : 4;               /* 74:77 */
  UINT32 GroupOrientation : 1;    /* 78 */
  UINT32 GroupToken : 8;          /* 79:86 */
  UINT32 GroupPosition : 8;       /* 87:94 */
  UINT32 Bay : 1;                 /* 95 */
  UINT32 Ejectable : 1;           /* 96 */
  UINT32 EjectionRequired : 1;    /* 97 */
  UINT32 CabinetNumber : 8;       /* 98:105 */
  UINT32 CardCageNumber : 8;      /* 106:113 */
  UINT32 Reference : 1;           /* 114 */
  UINT32 Rotation : 4;            /* 115:118, ACPI_PLD_ROTATION */
  UINT32 Order : 5;               /* 119:123 */
  UINT32 Reserved : 4;            /* 124:127 */
} ACPI_PLD_BUFFER, *PACPI_PLD_BUFFER;

/* _PLD buffer, revision 2 (160 bits): revision 1 plus panel offsets. */
typedef struct _ACPI_PLD_V2_BUFFER {
  UINT32 Revision : 7;
  UINT32 IgnoreColor : 1;
  UINT32 Color : 24;
  UINT32 Width : 16;
  UINT32 Height : 16;
  UINT32 UserVisible : 1;
  UINT32 Dock : 1;
  UINT32 Lid : 1;
  UINT32 Panel : 3;
  UINT32 VerticalPosition : 2;
  UINT32 HorizontalPosition : 2;
  UINT32 Shape : 4;
  UINT32 GroupOrientation : 1;
  UINT32 GroupToken : 8;
  UINT32 GroupPosition : 8;
  UINT32 Bay : 1;
  UINT32 Ejectable : 1;
  UINT32 EjectionRequired : 1;
  UINT32 CabinetNumber : 8;
  UINT32 CardCageNumber : 8;
  UINT32 Reference : 1;
  UINT32 Rotation : 4;
  UINT32 Order : 5;
  UINT32 Reserved : 4;
  UINT32 VerticalOffset : 16;    /* 128:143, millimetres */
  UINT32 HorizontalOffset : 16;  /* 144:159, millimetres */
} ACPI_PLD_V2_BUFFER, *PACPI_PLD_V2_BUFFER;

/* Microsoft PLD buffer extensions (128 bits each), identified by GUID. */
typedef struct _ACPI_PLD_JOINT_BUFFER {
  UINT32 Revision : 5;
  UINT32 JointType : 4;
  UINT32 SourceEdge : 3;
  UINT32 TargetCabinetNumber : 8;
  UINT32 TargetPanel : 3;
  UINT32 TargetEdge : 3;
  UINT32 Reserved1 : 5;
  UINT32 MovementOrientation : 1;
  UINT32 ForwardMovementRange : 16;
  UINT32 BackwardMovementRange : 16;
  UINT32 HorizontalOffset : 16;
  UINT32 VerticalOffset : 16;
  UINT32 GapOffset : 16;
  UINT32 Rotation : 9;
  UINT32 Reserved2 : 7;
} ACPI_PLD_JOINT_BUFFER, *PACPI_PLD_JOINT_BUFFER;

typedef struct _ACPI_PLD_SPATIAL_BUFFER {
  UINT32 Revision : 5;
  UINT32 RollRotation : 9;
  UINT32 PitchRotation : 9;
  UINT32 YawRotation : 9;
  UINT32 Width : 16;
  UINT32 Height : 16;
  UINT32 Length : 16;
  UINT32 HorizontalOffset : 16;
  UINT32 VerticalOffset : 16;
  UINT32 DepthOffset : 16;
} ACPI_PLD_SPATIAL_BUFFER, *PACPI_PLD_SPATIAL_BUFFER;

typedef struct _ACPI_PLD_INTERFACE_CLASS_BUFFER {
  GUID ClassGuid;
} ACPI_PLD_INTERFACE_CLASS_BUFFER, *PACPI_PLD_INTERFACE_CLASS_BUFFER;

/* DEFINE_GUID declares these, or defines them after <initguid.h>. */
DEFINE_GUID(ACPI_PLD_JOINT_BUFFER_GUID, 0xf01cfc40, 0x3c75, 0x4523, 0x9e, 0x44,
            0x21, 0x5c, 0xb1, 0x54, 0xbd, 0xa6);
DEFINE_GUID(ACPI_PLD_SPATIAL_BUFFER_GUID, 0x59af1a1f, 0xaba4, 0x4bb8, 0x81,
            0xef, 0x55, 0x93, 0x8e, 0x9b, 0xc5, 0x3a);
DEFINE_GUID(ACPI_PLD_INTERFACE_CLASS_BUFFER_GUID, 0x1facec76, 0x96a8, 0x4d9e,
            0x84, 0x6e, 0x3a, 0x6d, 0x68, 0x7c, 0x32, 0xfc);

#endif /* KSTIDY_WDK_ACPITABL_H */
#endif /* KSTIDY_ACPITABL_USE_REAL_HEADER */
