"""What keeps one client, or one slow dependency, from taking the server from everyone else.

`inflight.py` counts the requests being answered, in all and per client; `chat_routes.py`
closes the Gradio routes the chat page never uses and counts the streams it keeps open;
`chat_queue.py` counts each client's questions in the chat's queue and drops results nobody
reads; `health.py` answers /healthz from a cached probe, so a hung store never stalls it.
"""
