using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus.VideoRoom;

namespace IopTelehealth.RoomStores.Tests.InMemory;

public sealed class InMemoryMediaHandleDirectoryTests : MediaHandleDirectorySpecification
{
    protected override IReadOnlyList<IMediaHandleDirectory> CreateNodes(int count)
    {
        var directory = new MediaHandleRegistry();
        return [.. Enumerable.Repeat(directory, count)];
    }
}
