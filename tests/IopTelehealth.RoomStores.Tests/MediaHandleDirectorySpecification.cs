using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>What every <see cref="IMediaHandleDirectory"/> must do; the in-memory and Redis directories inherit it.</summary>
public abstract class MediaHandleDirectorySpecification
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Directories that share state, as the server nodes of one deployment do.</summary>
    protected abstract IReadOnlyList<IMediaHandleDirectory> CreateNodes(int count);

    [Fact]
    public async Task A_handle_one_node_recorded_is_known_to_every_node_until_removed()
    {
        var nodes = CreateNodes(2);
        var owner = new MediaHandleOwner(new SessionId(Guid.NewGuid()), ParticipantId.New(), MediaLeg.Subscriber);
        var handle = Random.Shared.NextInt64(1, long.MaxValue);

        Assert.Null(await nodes[1].FindAsync(handle, Ct));
        await nodes[0].AddAsync(handle, owner, Ct);
        Assert.Equal(owner, await nodes[1].FindAsync(handle, Ct));

        await nodes[1].RemoveAsync(handle, Ct);
        Assert.Null(await nodes[0].FindAsync(handle, Ct));
    }

    [Fact]
    public async Task A_retired_handle_is_still_known_for_its_last_events()
    {
        var nodes = CreateNodes(2);
        var owner = new MediaHandleOwner(new SessionId(Guid.NewGuid()), ParticipantId.New(), MediaLeg.Publisher);
        var handle = Random.Shared.NextInt64(1, long.MaxValue);
        await nodes[0].AddAsync(handle, owner, Ct);

        await nodes[0].RetireAsync(handle, Ct);

        Assert.Equal(owner, await nodes[1].FindAsync(handle, Ct));
    }
}
