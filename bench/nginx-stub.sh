# A HubSpot-shaped CRM stub on nginx, sourced by bench/crm.sh (BENCH_STUB=nginx) and bench/nodered.sh:
#
#   source bench/nginx-stub.sh; nginx_stub DIR PORT DELAY_MS
#
# One worker answers POST /crm/v3/objects/calls with 201 and a HubSpot call object after DELAY_MS
# (the echo module's echo_sleep), so the stub costs the box next to nothing, and logs each write as
# `$msec $request_body` in $NGINX_LOG (DIR/crm.log). Sets NGINX_PID (the master; the caller kills
# it); nginx_ticks prints the CPU ticks of nginx's master and worker so far (0 without nginx).
# Needs the Debian packages nginx-light (or nginx) and libnginx-mod-http-echo.
NGINX_PID=
NGINX_LOG=
nginx_ticks() {
  local sum=0 p
  [[ -n $NGINX_PID ]] || { echo 0; return; }
  for p in $NGINX_PID $(pgrep -P "$NGINX_PID" || true); do
    sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$sum"
}
nginx_stub() {  # nginx_stub DIR PORT DELAY_MS
  local dir=$1 port=$2 delay_ms=$3 echo_module
  echo_module=$(ls /usr/lib/nginx/modules/ngx_http_echo_module.so /usr/share/nginx/modules/ngx_http_echo_module.so 2>/dev/null | head -n 1 || true)
  command -v nginx > /dev/null && [[ -n $echo_module ]] \
    || { echo "the nginx stub needs nginx and its echo module: apt-get install nginx-light libnginx-mod-http-echo" >&2; exit 2; }
  mkdir -p "$dir/tmp"
  NGINX_LOG=$dir/crm.log
  : > "$NGINX_LOG"
  cat > "$dir/nginx.conf" <<NGINX
load_module $echo_module;
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  client_body_buffer_size 64k;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
  log_format crm escape=json '\$msec \$request_body';
  server {
    listen 127.0.0.1:$port;
    location = /crm/v3/objects/calls {
      access_log $NGINX_LOG crm;
      default_type application/json;
      echo_read_request_body;
      echo_sleep $(awk "BEGIN { printf \"%.3f\", $delay_ms / 1000 }");
      echo_status 201;
      echo '{"id":"1","properties":{"hs_object_id":"1"},"createdAt":"2026-11-23T10:00:00.000Z","archived":false}';
    }
  }
}
NGINX
  nginx -c "$dir/nginx.conf" -p "$dir" &
  NGINX_PID=$!
}
