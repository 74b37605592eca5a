using System.Reflection;

namespace IopTelehealth.Web;

/// <summary>Assemblies besides this one whose pages the router serves: the WebAssembly client's (the room page).</summary>
public static class RoutedAssemblies
{
    public static readonly Assembly[] Client = [typeof(Client.Rooms.RoomServiceCollectionExtensions).Assembly];
}
