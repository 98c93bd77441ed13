// Probe: a PortCls driver streaming over UDP with Winsock Kernel (Scream
// style): ntddk.h + wsk.h; registration, provider NPI, datagram socket,
// socket option, bind and send through the dispatch tables.
#include <ntddk.h>
#include <wsk.h>

static const WSK_CLIENT_DISPATCH ProbeClientDispatch = {
    MAKE_WSK_VERSION(1, 0), 0, NULL};

static_assert(sizeof(SOCKADDR_STORAGE) == 128, "sockaddr_storage size");
static_assert(sizeof(SOCKADDR_IN) == 16, "sockaddr_in size");

NTSTATUS ProbeWsk(PIRP Irp, PMDL Mdl, ULONG Length) {
  WSK_REGISTRATION registration;
  WSK_CLIENT_NPI clientNpi;
  clientNpi.ClientContext = NULL;
  clientNpi.Dispatch = &ProbeClientDispatch;
  NTSTATUS status = WskRegister(&clientNpi, &registration);
  if (!NT_SUCCESS(status)) return status;

  WSK_PROVIDER_NPI provider;
  status = WskCaptureProviderNPI(&registration, WSK_INFINITE_WAIT, &provider);
  if (NT_SUCCESS(status)) {
    status = provider.Dispatch->WskSocket(
        provider.Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
        WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    PWSK_SOCKET socket = (PWSK_SOCKET)Irp->IoStatus.Information;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram =
        (const WSK_PROVIDER_DATAGRAM_DISPATCH *)socket->Dispatch;

    ULONG ttl = 4;
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)socket->Dispatch)
                 ->WskControlSocket(socket, WskSetOption, IP_MULTICAST_TTL,
                                    IPPROTO_IP, sizeof(ttl), &ttl, 0, NULL,
                                    NULL, Irp);
    SOCKADDR_IN local = {AF_INET, RtlUshortByteSwap((USHORT)4010), 0, 0};
    status = dgram->WskBind(socket, (PSOCKADDR)&local, 0, Irp);

    SOCKADDR_STORAGE server;
    RtlCopyMemory(&server, &local, sizeof(local));
    WSK_BUF buf;
    buf.Mdl = Mdl;
    buf.Offset = 0;
    buf.Length = Length;
    status = dgram->WskSendTo(socket, &buf, 0, (PSOCKADDR)&server, 0, NULL,
                              Irp);
    status = dgram->WskCloseSocket(socket, Irp);
    WskReleaseProviderNPI(&registration);
  }
  WskDeregister(&registration);
  return status;
}
