/*
 * kstidy WDK-profile overlay for <ntddk.h> (ntifs.h reaches it too).
 *
 * After the real header: the function types of the generic-table and
 * AVL-table callbacks (RTL_GENERIC_COMPARE_ROUTINE, ...) and of
 * DRIVER_REINITIALIZE. mingw-w64 10 has only their pointer types
 * (PRTL_GENERIC_COMPARE_ROUTINE, ...); drivers declare their callbacks with
 * the function types, as documented for RtlInitializeGenericTable,
 * RtlInitializeGenericTableAvl and IoRegisterDriverReinitialization on
 * learn.microsoft.com.
 */
#include_next <ntddk.h>

#if defined(_NTDDK_) && !defined(KSTIDY_WDK_NTDDK_DECLS)
#define KSTIDY_WDK_NTDDK_DECLS

#ifdef __cplusplus
extern "C" {
#endif

typedef VOID NTAPI DRIVER_REINITIALIZE(struct _DRIVER_OBJECT *DriverObject,
                                       PVOID Context, ULONG Count);

typedef RTL_GENERIC_COMPARE_RESULTS NTAPI RTL_GENERIC_COMPARE_ROUTINE(
    struct _RTL_GENERIC_TABLE *Table, PVOID FirstStruct, PVOID SecondStruct);
typedef PVOID NTAPI RTL_GENERIC_ALLOCATE_ROUTINE(struct _RTL_GENERIC_TABLE *Table,
                                                 CLONG ByteSize);
typedef VOID NTAPI RTL_GENERIC_FREE_ROUTINE(struct _RTL_GENERIC_TABLE *Table,
                                            PVOID Buffer);

typedef RTL_GENERIC_COMPARE_RESULTS NTAPI RTL_AVL_COMPARE_ROUTINE(
    struct _RTL_AVL_TABLE *Table, PVOID FirstStruct, PVOID SecondStruct);
typedef PVOID NTAPI RTL_AVL_ALLOCATE_ROUTINE(struct _RTL_AVL_TABLE *Table,
                                             CLONG ByteSize);
typedef VOID NTAPI RTL_AVL_FREE_ROUTINE(struct _RTL_AVL_TABLE *Table,
                                        PVOID Buffer);

#ifdef __cplusplus
}
#endif

#endif /* _NTDDK_ && !KSTIDY_WDK_NTDDK_DECLS */
