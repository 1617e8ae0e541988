"""The gateway's HTTP routes: the proxied resource API, the workspace, the timeline, the portal, operators."""
