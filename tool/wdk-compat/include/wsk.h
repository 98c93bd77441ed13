/*
 * kstidy WDK-profile stand-in for <wsk.h> (Winsock Kernel), which mingw-w64
 * does not ship.
 *
 * Written for kstidy from Microsoft's public wsk.h reference on
 * learn.microsoft.com (WSK_CLIENT_DISPATCH, WSK_CLIENT_NPI, WSK_REGISTRATION,
 * WSK_PROVIDER_NPI, WSK_PROVIDER_DISPATCH, WSK_PROVIDER_*_DISPATCH, WSK_SOCKET,
 * WSK_BUF, the PFN_WSK_* function types, WskRegister/WskDeregister/
 * WskCaptureProviderNPI/WskReleaseProviderNPI, MAKE_WSK_VERSION, the
 * WSK_FLAG_* socket categories) and the Winsock address definitions those
 * pages use (ADDRESS_FAMILY, SOCKADDR, SOCKADDR_IN, SOCKADDR_IN6,
 * SOCKADDR_STORAGE, CMSGHDR, AF_*, SOCK_*, IPPROTO_*, SOL_SOCKET and the
 * common IP/socket options) that the real header takes from ws2def.h and
 * ws2ipdef.h, whose mingw-w64 copies are user-mode only or empty.
 *
 * Event callbacks (PFN_WSK_RECEIVE_FROM_EVENT, ...), WSK_DATAGRAM_INDICATION
 * / WSK_DATA_INDICATION contents and the address-info functions' ADDRINFOEXW
 * are declared only as far as the dispatch tables need them (see README).
 *
 * If a real wsk.h is found later on the include path it is used.
 */
#if defined(__has_include_next) && !defined(KSTIDY_WSK_NO_INCLUDE_NEXT)
#if __has_include_next(<wsk.h>)
#define KSTIDY_WSK_USE_REAL_HEADER 1
#endif
#endif

#ifdef KSTIDY_WSK_USE_REAL_HEADER
#include_next <wsk.h>
#else

#ifndef KSTIDY_WDK_WSK_H
#define KSTIDY_WDK_WSK_H

#if !defined(_WDMDDK_) && !defined(_NTDDK_) && !defined(_NTIFS_)
#include <wdm.h>
#endif
#include <inaddr.h>
#include <in6addr.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Winsock address definitions (ws2def.h / ws2ipdef.h in the WDK).          */
/* Skipped when user-mode Winsock headers already declared them.            */
/* ------------------------------------------------------------------------ */
#if !defined(_WINSOCK2API_) && !defined(_WINSOCKAPI_) && \
    !defined(_MINGW_IP_TYPES_H) && !defined(KSTIDY_WSK_NO_ADDRESS_TYPES)
#define KSTIDY_WSK_ADDRESS_TYPES 1

typedef USHORT ADDRESS_FAMILY;

#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 23

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3

typedef enum {
  IPPROTO_IP = 0,
  IPPROTO_ICMP = 1,
  IPPROTO_TCP = 6,
  IPPROTO_UDP = 17,
  IPPROTO_IPV6 = 41,
  IPPROTO_ICMPV6 = 58,
  IPPROTO_RAW = 255
} IPPROTO, *PIPPROTO;

#define SOL_SOCKET 0xffff
#define SO_DEBUG 0x0001
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_BROADCAST 0x0020
#define SO_LINGER 0x0080
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR))

#define IP_OPTIONS 1
#define IP_HDRINCL 2
#define IP_TOS 3
#define IP_TTL 4
#define IP_MULTICAST_IF 9
#define IP_MULTICAST_TTL 10
#define IP_MULTICAST_LOOP 11
#define IP_ADD_MEMBERSHIP 12
#define IP_DROP_MEMBERSHIP 13

#define INADDR_ANY ((ULONG)0x00000000)
#define INADDR_LOOPBACK 0x7f000001
#define INADDR_BROADCAST ((ULONG)0xffffffff)
#define INADDR_NONE 0xffffffff

typedef struct sockaddr {
  ADDRESS_FAMILY sa_family;
  CHAR sa_data[14];
} SOCKADDR, *PSOCKADDR, *LPSOCKADDR;

typedef struct sockaddr_in {
  ADDRESS_FAMILY sin_family;
  USHORT sin_port;
  IN_ADDR sin_addr;
  CHAR sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN;

typedef struct sockaddr_in6 {
  ADDRESS_FAMILY sin6_family;
  USHORT sin6_port;
  ULONG sin6_flowinfo;
  IN6_ADDR sin6_addr;
  ULONG sin6_scope_id;
} SOCKADDR_IN6, *PSOCKADDR_IN6;

/* 128 bytes, aligned for any address family. */
typedef struct sockaddr_storage {
  ADDRESS_FAMILY ss_family;
  CHAR __ss_pad1[6];
  __int64 __ss_align;
  CHAR __ss_pad2[112];
} SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;

typedef struct _WSACMSGHDR {
  SIZE_T cmsg_len;
  INT cmsg_level;
  INT cmsg_type;
} WSACMSGHDR, *PWSACMSGHDR, CMSGHDR, *PCMSGHDR;

#endif /* address types */

/* ------------------------------------------------------------------------ */
/* WSK                                                                       */
/* ------------------------------------------------------------------------ */

#define MAKE_WSK_VERSION(Mj, Mn) ((USHORT)((Mj) << 8) | (USHORT)((Mn) & 0xff))
#define WSK_MAJOR_VERSION(V) ((UCHAR)((V) >> 8))
#define WSK_MINOR_VERSION(V) ((UCHAR)(V))

/* Socket categories (Flags of WskSocket). */
#define WSK_FLAG_BASIC_SOCKET 0x00000000
#define WSK_FLAG_LISTEN_SOCKET 0x00000001
#define WSK_FLAG_CONNECTION_SOCKET 0x00000002
#define WSK_FLAG_DATAGRAM_SOCKET 0x00000004
#define WSK_FLAG_STREAM_SOCKET 0x00000008

/* WaitTimeout of WskCaptureProviderNPI. */
#define WSK_NO_WAIT 0
#define WSK_INFINITE_WAIT 0xffffffff

typedef PVOID PWSK_CLIENT;

typedef struct _WSK_SOCKET {
  const VOID *Dispatch;
} WSK_SOCKET, *PWSK_SOCKET;

typedef struct _WSK_BUF {
  PMDL Mdl;
  ULONG Offset;
  SIZE_T Length;
} WSK_BUF, *PWSK_BUF;

typedef struct _WSK_BUF_LIST {
  struct _WSK_BUF_LIST *Next;
  WSK_BUF Buffer;
} WSK_BUF_LIST, *PWSK_BUF_LIST;

/* Indications handed to receive event callbacks; drivers pass them back
   through WskRelease, so an incomplete type is enough here. */
typedef struct _WSK_DATA_INDICATION *PWSK_DATA_INDICATION;
typedef struct _WSK_DATAGRAM_INDICATION *PWSK_DATAGRAM_INDICATION;

typedef enum {
  WskSetOption,
  WskGetOption,
  WskIoctl,
  WskControlMax
} WSK_CONTROL_SOCKET_TYPE, *PWSK_CONTROL_SOCKET_TYPE;

typedef NTSTATUS (NTAPI *PFN_WSK_CLIENT_EVENT)(PVOID ClientContext,
                                                ULONG EventType,
                                                PVOID Information,
                                                SIZE_T InformationLength);

typedef struct _WSK_CLIENT_DISPATCH {
  USHORT Version;
  USHORT Reserved;
  PFN_WSK_CLIENT_EVENT WskClientEvent;
} WSK_CLIENT_DISPATCH, *PWSK_CLIENT_DISPATCH;

typedef struct _WSK_CLIENT_NPI {
  PVOID ClientContext;
  const WSK_CLIENT_DISPATCH *Dispatch;
} WSK_CLIENT_NPI, *PWSK_CLIENT_NPI;

/* Opaque to the client: only the WSK registration library touches it. */
typedef struct _WSK_REGISTRATION {
  ULONGLONG ReservedRegistrationState;
  PVOID ReservedRegistrationContext;
  KSPIN_LOCK ReservedRegistrationLock;
} WSK_REGISTRATION, *PWSK_REGISTRATION;

/* Provider (WSK subsystem) functions, reached through dispatch tables. */
typedef NTSTATUS (NTAPI *PFN_WSK_SOCKET)(
    PWSK_CLIENT Client, ADDRESS_FAMILY AddressFamily, USHORT SocketType,
    ULONG Protocol, ULONG Flags, PVOID SocketContext, const VOID *Dispatch,
    PEPROCESS OwningProcess, PETHREAD OwningThread,
    PSECURITY_DESCRIPTOR SecurityDescriptor, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_SOCKET_CONNECT)(
    PWSK_CLIENT Client, USHORT SocketType, ULONG Protocol,
    PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress, ULONG Flags,
    PVOID SocketContext, const VOID *Dispatch, PEPROCESS OwningProcess,
    PETHREAD OwningThread, PSECURITY_DESCRIPTOR SecurityDescriptor, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_CONTROL_CLIENT)(
    PWSK_CLIENT Client, ULONG ControlCode, SIZE_T InputSize,
    PVOID InputBuffer, SIZE_T OutputSize, PVOID OutputBuffer,
    SIZE_T *OutputSizeReturned, PIRP Irp);
/* Address-info functions use ADDRINFOEXW / UNICODE_STRING; declared with
   untyped results here (see README). */
typedef NTSTATUS (NTAPI *PFN_WSK_GET_ADDRESS_INFO)(
    PWSK_CLIENT Client, PUNICODE_STRING NodeName, PUNICODE_STRING ServiceName,
    ULONG NameSpace, GUID *Provider, PVOID Hints, PVOID *Result,
    PEPROCESS OwningProcess, PETHREAD OwningThread, PIRP Irp);
typedef VOID (NTAPI *PFN_WSK_FREE_ADDRESS_INFO)(PWSK_CLIENT Client,
                                                 PVOID AddrInfo);
typedef NTSTATUS (NTAPI *PFN_WSK_GET_NAME_INFO)(
    PWSK_CLIENT Client, PSOCKADDR SockAddr, ULONG SockAddrLength,
    PUNICODE_STRING NodeName, PUNICODE_STRING ServiceName, ULONG Flags,
    PEPROCESS OwningProcess, PETHREAD OwningThread, PIRP Irp);

typedef NTSTATUS (NTAPI *PFN_WSK_CONTROL_SOCKET)(
    PWSK_SOCKET Socket, WSK_CONTROL_SOCKET_TYPE RequestType,
    ULONG ControlCode, ULONG Level, SIZE_T InputSize, PVOID InputBuffer,
    SIZE_T OutputSize, PVOID OutputBuffer, SIZE_T *OutputSizeReturned,
    PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_CLOSE_SOCKET)(PWSK_SOCKET Socket, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_BIND)(PWSK_SOCKET Socket,
                                        PSOCKADDR LocalAddress, ULONG Flags,
                                        PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_SEND_TO)(
    PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Flags,
    PSOCKADDR RemoteAddress, ULONG ControlInfoLength, PCMSGHDR ControlInfo,
    PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_RECEIVE_FROM)(
    PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Flags,
    PSOCKADDR RemoteAddress, PULONG ControlLength, PCMSGHDR ControlInfo,
    PULONG ControlFlags, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_RELEASE_DATAGRAM_INDICATION_LIST)(
    PWSK_SOCKET Socket, PWSK_DATAGRAM_INDICATION DatagramIndication);
typedef NTSTATUS (NTAPI *PFN_WSK_GET_LOCAL_ADDRESS)(PWSK_SOCKET Socket,
                                                     PSOCKADDR LocalAddress,
                                                     PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_GET_REMOTE_ADDRESS)(PWSK_SOCKET Socket,
                                                      PSOCKADDR RemoteAddress,
                                                      PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_SEND_MESSAGES)(
    PWSK_SOCKET Socket, PWSK_BUF_LIST BufferList, ULONG Flags,
    PSOCKADDR RemoteAddress, ULONG ControlInfoLength, PCMSGHDR ControlInfo,
    PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_CONNECT)(PWSK_SOCKET Socket,
                                           PSOCKADDR RemoteAddress,
                                           ULONG Flags, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_SEND)(PWSK_SOCKET Socket, PWSK_BUF Buffer,
                                        ULONG Flags, PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_RECEIVE)(PWSK_SOCKET Socket,
                                           PWSK_BUF Buffer, ULONG Flags,
                                           PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_DISCONNECT)(PWSK_SOCKET Socket,
                                              PWSK_BUF Buffer, ULONG Flags,
                                              PIRP Irp);
typedef NTSTATUS (NTAPI *PFN_WSK_RELEASE_DATA_INDICATION_LIST)(
    PWSK_SOCKET Socket, PWSK_DATA_INDICATION DataIndication);
typedef NTSTATUS (NTAPI *PFN_WSK_ACCEPT)(
    PWSK_SOCKET ListenSocket, ULONG Flags, PVOID AcceptSocketContext,
    const VOID *AcceptSocketDispatch, PSOCKADDR LocalAddress,
    PSOCKADDR RemoteAddress, PIRP Irp);

typedef struct _WSK_PROVIDER_DISPATCH {
  USHORT Version;
  USHORT Reserved;
  PFN_WSK_SOCKET WskSocket;
  PFN_WSK_SOCKET_CONNECT WskSocketConnect;
  PFN_WSK_CONTROL_CLIENT WskControlClient;
  PFN_WSK_GET_ADDRESS_INFO WskGetAddressInfo;
  PFN_WSK_FREE_ADDRESS_INFO WskFreeAddressInfo;
  PFN_WSK_GET_NAME_INFO WskGetNameInfo;
} WSK_PROVIDER_DISPATCH, *PWSK_PROVIDER_DISPATCH;

typedef struct _WSK_PROVIDER_NPI {
  PWSK_CLIENT Client;
  const WSK_PROVIDER_DISPATCH *Dispatch;
} WSK_PROVIDER_NPI, *PWSK_PROVIDER_NPI;

typedef struct _WSK_PROVIDER_BASIC_DISPATCH {
  PFN_WSK_CONTROL_SOCKET WskControlSocket;
  PFN_WSK_CLOSE_SOCKET WskCloseSocket;
} WSK_PROVIDER_BASIC_DISPATCH, *PWSK_PROVIDER_BASIC_DISPATCH;

/* The per-category tables start with the basic table as an unnamed member
   (a Microsoft extension), so WskCloseSocket is reachable directly. Clang
   accepts that only in C; in C++ the two basic members are spelled out,
   which gives the same layout and the same member access. */
typedef struct _WSK_PROVIDER_DATAGRAM_DISPATCH {
#ifdef __cplusplus
  PFN_WSK_CONTROL_SOCKET WskControlSocket;
  PFN_WSK_CLOSE_SOCKET WskCloseSocket;
#else
  WSK_PROVIDER_BASIC_DISPATCH;
#endif
  PFN_WSK_BIND WskBind;
  PFN_WSK_SEND_TO WskSendTo;
  PFN_WSK_RECEIVE_FROM WskReceiveFrom;
  PFN_WSK_RELEASE_DATAGRAM_INDICATION_LIST WskRelease;
  PFN_WSK_GET_LOCAL_ADDRESS WskGetLocalAddress;
  PFN_WSK_SEND_MESSAGES WskSendMessages;
} WSK_PROVIDER_DATAGRAM_DISPATCH, *PWSK_PROVIDER_DATAGRAM_DISPATCH;

typedef struct _WSK_PROVIDER_CONNECTION_DISPATCH {
#ifdef __cplusplus
  PFN_WSK_CONTROL_SOCKET WskControlSocket;
  PFN_WSK_CLOSE_SOCKET WskCloseSocket;
#else
  WSK_PROVIDER_BASIC_DISPATCH;
#endif
  PFN_WSK_BIND WskBind;
  PFN_WSK_CONNECT WskConnect;
  PFN_WSK_GET_LOCAL_ADDRESS WskGetLocalAddress;
  PFN_WSK_GET_REMOTE_ADDRESS WskGetRemoteAddress;
  PFN_WSK_SEND WskSend;
  PFN_WSK_RECEIVE WskReceive;
  PFN_WSK_DISCONNECT WskDisconnect;
  PFN_WSK_RELEASE_DATA_INDICATION_LIST WskRelease;
} WSK_PROVIDER_CONNECTION_DISPATCH, *PWSK_PROVIDER_CONNECTION_DISPATCH;

typedef struct _WSK_PROVIDER_LISTEN_DISPATCH {
#ifdef __cplusplus
  PFN_WSK_CONTROL_SOCKET WskControlSocket;
  PFN_WSK_CLOSE_SOCKET WskCloseSocket;
#else
  WSK_PROVIDER_BASIC_DISPATCH;
#endif
  PFN_WSK_BIND WskBind;
  PFN_WSK_ACCEPT WskAccept;
  PVOID WskInspectComplete;
  PFN_WSK_GET_LOCAL_ADDRESS WskGetLocalAddress;
} WSK_PROVIDER_LISTEN_DISPATCH, *PWSK_PROVIDER_LISTEN_DISPATCH;

/* Registration library (netio.sys). */
NTSTATUS WskRegister(PWSK_CLIENT_NPI WskClientNpi,
                     PWSK_REGISTRATION WskRegistration);
VOID WskDeregister(PWSK_REGISTRATION WskRegistration);
NTSTATUS WskCaptureProviderNPI(PWSK_REGISTRATION WskRegistration,
                               ULONG WaitTimeout,
                               PWSK_PROVIDER_NPI WskProviderNpi);
VOID WskReleaseProviderNPI(PWSK_REGISTRATION WskRegistration);

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_WSK_H */
#endif /* KSTIDY_WSK_USE_REAL_HEADER */
