using System.Net;

namespace IopTelehealth.Media.Tests.Infrastructure;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 in place of the server's Janus event endpoint: every POST goes to the handler (with a
/// token that stops it when the backend does), then gets 204. Dispose it after the Janus that posts to it.
/// </summary>
internal sealed class EventBackend : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public EventBackend(Func<HttpListenerRequest, CancellationToken, Task> onPost)
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _receiving = ReceiveAsync(onPost);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _receiving;
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(Func<HttpListenerRequest, CancellationToken, Task> onPost)
    {
        try
        {
            while (true)
            {
                // The token, not Stop, ends the wait: a GetContextAsync that races with Stop can stay pending for good.
                var context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
                await onPost(context.Request, _stop.Token);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }
        catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Stopped.
        }
    }
}
