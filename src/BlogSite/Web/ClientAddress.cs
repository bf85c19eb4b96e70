using System.Net;
using System.Net.Sockets;

namespace BlogSite.Web;

/// <summary>
/// The one place that says who a request comes from, for view counting, rate limits, duplicate checks and
/// poster hashes. It reads the connection's address, which <c>UseForwardedHeaders</c> has already replaced
/// with the client's when (and only when) the request came through a trusted proxy.
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// The address as a key: IPv4 whole, IPv6 by its /64 network, since one IPv6 subscriber is handed a
    /// whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string Of(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
