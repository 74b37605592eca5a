using IopTelehealth.Media.Janus.Options;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>The configured Janus nodes and their gateways; injectable so the adapter can be tested on any gateway.</summary>
public interface IJanusNodes
{
    IReadOnlyList<JanusNode> All { get; }

    /// <summary>The node recorded in the room directory; null when configuration no longer lists it.</summary>
    JanusNode? Find(string name);
}

/// <summary>A node: its configuration (admin key) and its gateway.</summary>
public sealed record JanusNode(JanusNodeOptions Options, IJanusGateway Gateway)
{
    public string Name => Options.DisplayName;
}

/// <summary>One <see cref="JanusGateway"/> per configured node; connections open on first use.</summary>
public sealed class JanusGatewayPool : IJanusNodes, IAsyncDisposable
{
    private readonly List<JanusNode> _nodes;

    public JanusGatewayPool(IEnumerable<JanusNodeOptions> nodes, JanusGatewayOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _nodes = [.. nodes.Select(node => new JanusNode(node, new JanusGateway(node, options, loggerFactory.CreateLogger<JanusGateway>())))];
    }

    public IReadOnlyList<JanusNode> All => _nodes;

    public JanusNode? Find(string name) => _nodes.FirstOrDefault(node => node.Name == name);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.Gateway.DisposeAsync();
        }
    }
}
