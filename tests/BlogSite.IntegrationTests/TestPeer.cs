using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace BlogSite.IntegrationTests;

/// <summary>
/// TestServer has no socket, so a request has no peer address. This filter runs ahead of the whole app and
/// sets the peer from a header that only tests send, standing in for the TCP connection a request
/// would arrive on: a test can then be two readers, or a reader behind a proxy at 127.0.0.1.
/// </summary>
internal sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
