/* Probe: wsk.h from C, where the per-category dispatch tables embed the
   basic table as an unnamed member. */
#include <wdm.h>
#include <wsk.h>

NTSTATUS ProbeClose(PWSK_SOCKET Socket, PIRP Irp) {
  const WSK_PROVIDER_CONNECTION_DISPATCH *conn =
      (const WSK_PROVIDER_CONNECTION_DISPATCH *)Socket->Dispatch;
  SOCKADDR_IN6 any6;
  RtlZeroMemory(&any6, sizeof(any6));
  any6.sin6_family = AF_INET6;
  (void)conn->WskConnect;
  return conn->WskCloseSocket(Socket, Irp);
}
