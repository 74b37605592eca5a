using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IopTelehealth.Domain.Media;
using Org.BouncyCastle.Tls;

namespace IopTelehealth.Testing.WebRtc;

/// <summary>
/// A minimal WebRTC endpoint for tests without a browser: one UDP socket on 127.0.0.1 that answers and sends ICE
/// connectivity checks (STUN) and runs a DTLS handshake with use_srtp. That is all Janus needs to call a
/// PeerConnection up (webrtcup): a publisher becomes active and others can subscribe to it. No media is sent.
/// </summary>
public sealed class TestPeer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly BlockingCollection<byte[]> _dtlsInbox = new(boundedCapacity: 256);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<IPEndPoint> _remote = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _checkSucceeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _nominated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DtlsPeer _dtls = new();
    private readonly ulong _tieBreaker = (ulong)Random.Shared.NextInt64();
    private Task? _receiving;
    private DtlsTransport? _transport;

    public string Ufrag { get; } = "tp" + Guid.NewGuid().ToString("N")[..6];

    public string Password { get; } = Guid.NewGuid().ToString("N");

    private int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    private string Candidate => $"1 1 udp 2130706431 127.0.0.1 {Port} typ host";

    public SessionDescription Offer(bool video = true) => TestSdp.Offer(video, _dtls.Fingerprint, Ufrag, Password, Candidate);

    public SessionDescription AnswerTo(SessionDescription offer) => TestSdp.AnswerTo(offer, _dtls.Fingerprint, Ufrag, Password, Candidate);

    /// <summary>
    /// Completes ICE and DTLS with the side that sent <paramref name="remote"/>. As offerer (publisher) we control ICE
    /// and nominate the pair, and Janus (a=setup:active) is the DTLS client; as answerer (subscriber) Janus controls
    /// and we are the DTLS client.
    /// </summary>
    public async Task ConnectAsync(SessionDescription remote, bool weOffered, TimeSpan timeout)
    {
        var ufrag = Attribute(remote.Sdp, "a=ice-ufrag:");
        var password = Attribute(remote.Sdp, "a=ice-pwd:");
        _receiving ??= Task.Run(() => ReceiveAsync(ufrag, password, controlling: weOffered));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(timeout);
        var target = RemoteCandidate(remote.Sdp) ?? await _remote.Task.WaitAsync(deadline.Token);
        while (!_checkSucceeded.Task.IsCompleted || (!weOffered && !_nominated.Task.IsCompleted))
        {
            await _udp.SendAsync(StunMessage.Request($"{ufrag}:{Ufrag}", password, controlling: weOffered, nominate: weOffered, _tieBreaker), target, deadline.Token);
            await Task.WhenAny(Task.Delay(100, deadline.Token), Task.WhenAll(_checkSucceeded.Task, weOffered ? Task.CompletedTask : _nominated.Task));
            deadline.Token.ThrowIfCancellationRequested();
        }

        var dtlsTarget = _remote.Task.IsCompleted ? await _remote.Task : target;
        _transport = await _dtls.HandshakeAsync(new Datagrams(_udp, dtlsTarget, _dtlsInbox), asServer: weOffered).WaitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _transport?.Close();
        _udp.Dispose();
        if (_receiving is not null)
        {
            await _receiving;
        }

        _dtlsInbox.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(string remoteUfrag, string remotePassword, bool controlling)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _udp.ReceiveAsync(_stop.Token);
                var packet = received.Buffer;
                if (StunMessage.IsStun(packet))
                {
                    if (StunMessage.Type(packet) == StunMessage.BindingRequest)
                    {
                        _remote.TrySetResult(received.RemoteEndPoint);
                        await _udp.SendAsync(StunMessage.Success(StunMessage.TransactionId(packet), received.RemoteEndPoint, Password), received.RemoteEndPoint, _stop.Token);
                        if (!controlling && StunMessage.HasUseCandidate(packet))
                        {
                            _nominated.TrySetResult();
                        }
                    }
                    else if (StunMessage.Type(packet) == StunMessage.BindingSuccess)
                    {
                        _checkSucceeded.TrySetResult();
                    }
                }
                else if (packet.Length > 0 && packet[0] is >= 20 and <= 63)
                {
                    _dtlsInbox.TryAdd(packet);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        _ = remoteUfrag;
        _ = remotePassword;
    }

    private static string Attribute(string sdp, string prefix) =>
        sdp.Split("\r\n").First(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    /// <summary>Janus's host candidate on 127.0.0.1 from its SDP (it gathers on jl0 before answering), if any.</summary>
    private static IPEndPoint? RemoteCandidate(string sdp)
    {
        foreach (var line in sdp.Split("\r\n").Where(l => l.StartsWith("a=candidate:", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ');
            if (parts.Length > 7 && parts[2].Equals("udp", StringComparison.OrdinalIgnoreCase) && parts[4] == "127.0.0.1" && parts[7] == "host")
            {
                return new IPEndPoint(IPAddress.Loopback, int.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>BouncyCastle's view of the socket: DTLS records only (the receive loop keeps STUN away from it).</summary>
    private sealed class Datagrams(UdpClient udp, IPEndPoint remote, BlockingCollection<byte[]> inbox) : DatagramTransport
    {
        public int GetReceiveLimit() => 1500;

        public int GetSendLimit() => 1400;

        public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

        public int Receive(Span<byte> buffer, int waitMillis)
        {
            try
            {
                if (!inbox.TryTake(out var packet, waitMillis))
                {
                    return -1;
                }

                var count = Math.Min(packet.Length, buffer.Length);
                packet.AsSpan(0, count).CopyTo(buffer);
                return count;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
        }

        public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

        public void Send(ReadOnlySpan<byte> buffer) => udp.Send(buffer, remote);

        public void Close()
        {
        }
    }
}
