/*
 * kstidy WDK-profile overlay for <ndis.h> (mingw-w64 10, kernel mode).
 *
 * mingw-w64's ndis.h does not parse, whatever NDISxx version the driver
 * selects, because of two slips in the headers themselves:
 *
 * 1. enum _NDIS_REQUEST_TYPE (NDIS_REQUEST_TYPE, PNDIS_REQUEST_TYPE and the
 *    NdisRequest* enumerators) is defined both by ntddndis.h, which ndis.h
 *    includes first, and again by ndis.h. The two lists are identical. When
 *    ntddndis.h has not been read yet, this wrapper reads it first with
 *    those names renamed (kstidy_ntddndis_*), so its copy is a harmless,
 *    unused duplicate and ndis.h's definition is the one everybody sees.
 *    A TU that includes <ntddndis.h> itself before <ndis.h> still gets the
 *    redefinition error (see README, Gaps).
 * 2. NdisMWanIndicateReceiveComplete's prototype lacks the comma between
 *    its two parameters. A function-like macro of the same name rewrites
 *    that one declarator while ndis.h is read (a macro's own name is not
 *    expanded again inside its replacement), and is removed afterwards.
 *
 * The declarations themselves are mingw-w64's, unchanged.
 */
#if !defined(_NTDDNDIS_)
#define _NDIS_REQUEST_TYPE kstidy_ntddndis_request_type_tag
#define NDIS_REQUEST_TYPE kstidy_ntddndis_NDIS_REQUEST_TYPE
#define PNDIS_REQUEST_TYPE kstidy_ntddndis_PNDIS_REQUEST_TYPE
#define NdisRequestQueryInformation kstidy_ntddndis_NdisRequestQueryInformation
#define NdisRequestSetInformation kstidy_ntddndis_NdisRequestSetInformation
#define NdisRequestQueryStatistics kstidy_ntddndis_NdisRequestQueryStatistics
#define NdisRequestOpen kstidy_ntddndis_NdisRequestOpen
#define NdisRequestClose kstidy_ntddndis_NdisRequestClose
#define NdisRequestSend kstidy_ntddndis_NdisRequestSend
#define NdisRequestTransferData kstidy_ntddndis_NdisRequestTransferData
#define NdisRequestReset kstidy_ntddndis_NdisRequestReset
#define NdisRequestGeneric1 kstidy_ntddndis_NdisRequestGeneric1
#define NdisRequestGeneric2 kstidy_ntddndis_NdisRequestGeneric2
#define NdisRequestGeneric3 kstidy_ntddndis_NdisRequestGeneric3
#define NdisRequestGeneric4 kstidy_ntddndis_NdisRequestGeneric4
#define NdisRequestMethod kstidy_ntddndis_NdisRequestMethod
#include <ntddndis.h>
#undef _NDIS_REQUEST_TYPE
#undef NDIS_REQUEST_TYPE
#undef PNDIS_REQUEST_TYPE
#undef NdisRequestQueryInformation
#undef NdisRequestSetInformation
#undef NdisRequestQueryStatistics
#undef NdisRequestOpen
#undef NdisRequestClose
#undef NdisRequestSend
#undef NdisRequestTransferData
#undef NdisRequestReset
#undef NdisRequestGeneric1
#undef NdisRequestGeneric2
#undef NdisRequestGeneric3
#undef NdisRequestGeneric4
#undef NdisRequestMethod
#endif /* !_NTDDNDIS_ */

#define NdisMWanIndicateReceiveComplete(...) \
  NdisMWanIndicateReceiveComplete(NDIS_HANDLE MiniportAdapterHandle, \
                                  NDIS_HANDLE NdisLinkContext)
#include_next <ndis.h>
#undef NdisMWanIndicateReceiveComplete
