#!/usr/bin/python3
"""Drives the fake ASA with Netmiko's cisco_asa driver (an independent SSH client and ASA CLI model).

Usage: netmiko_collect.py PORT USER PASSWORD_ENV ENABLE_ENV OUTFILE
Prints what it collected (prompt, show version head, line count) and writes the running-config.
Secrets come from the environment and are never printed.
"""
import os
import sys

from netmiko import ConnectHandler

port, user, password_env, enable_env, outfile = sys.argv[1:6]
conn = ConnectHandler(
    device_type="cisco_asa",
    host="127.0.0.1",
    port=int(port),
    username=user,
    password=os.environ[password_env],
    secret=os.environ[enable_env],
    allow_agent=False,
    use_keys=False,
    timeout=20,
)
try:
    conn.enable()
    prompt = conn.find_prompt()
    version = conn.send_command("show version")
    mode = conn.send_command("show mode")
    config = conn.send_command("show running-config")
finally:
    conn.disconnect()

with open(outfile, "w", encoding="latin-1", newline="") as f:
    f.write(config)
print("netmiko", __import__("netmiko").__version__)
print("prompt:", prompt)
print("show version:", version.splitlines()[0] if version else "(empty)")
print("show mode:", mode.strip())
print("show running-config:", len(config.splitlines()), "lines, last:", config.splitlines()[-1] if config else "(empty)")
