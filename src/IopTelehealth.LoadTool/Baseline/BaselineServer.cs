using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.LoadTool.Baseline;

/// <summary>
/// The raw baseline: Kestrel and WebSockets with nothing else. N rooms of sockets; a chat line from one socket is sent
/// to every socket of its room (the sender too, as the hub does), a hand change as the two frames the hub sends, and
/// every message is answered with a completion frame. Frames are SignalR-shaped JSON text of the same size as the
/// hub's, built once per broadcast. No authentication, no room rules, no store: what the hub costs on top of this is
/// the price of everything the hub does for the room.
/// </summary>
internal static class BaselineServer
{
    public const string Ready = "baseline server ready";

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var rooms = new ConcurrentDictionary<string, BaselineRoom>(StringComparer.Ordinal);
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await new BaselineConnection(socket, rooms).RunAsync(context.RequestAborted);
        });
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(Ready));
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The sockets of one room and its hand queue.</summary>
internal sealed class BaselineRoom
{
    public Lock Gate { get; } = new();

    public List<BaselineConnection> Members { get; } = [];

    public List<string> Hands { get; } = [];

    public BaselineConnection[] Snapshot()
    {
        lock (Gate)
        {
            return [.. Members];
        }
    }
}
