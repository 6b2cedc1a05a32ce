// The fixed script a netns sandbox runs between `unshare` and the container's argv, inside the pod's
// fresh mount and UTS namespaces. It takes everything as arguments, never as text to evaluate:
//   sh -c ENTER_SCRIPT wheelhouse-enter MOUNT HOSTNAME WORKDIR ETCDIR [SRC DST rw|ro]... -- ARGV...
// Mounts are private to the namespace (unshare --propagation private), so the host sees none of them.
// A missing mount point is made on the host first, as `docker run -v` does; it stays empty there.
export const ENTER_SCRIPT = `set -e
m=$1; host=$2; wd=$3; etc=$4; shift 4
for f in resolv.conf hosts hostname; do
  if [ -e "$etc/$f" ] && [ -e "/etc/$f" ]; then "$m" --bind "$etc/$f" "/etc/$f"; fi
done
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  src=$1; dst=$2; mode=$3; shift 3
  if [ -d "$src" ]; then
    [ -d "$dst" ] || mkdir -p "$dst"
  elif [ ! -e "$dst" ]; then
    d=\${dst%/*}; [ -z "$d" ] || [ -d "$d" ] || mkdir -p "$d"; : > "$dst"
  fi
  "$m" --bind "$src" "$dst" || { echo "wheelhouse: cannot mount $src at $dst" >&2; exit 126; }
  if [ "$mode" = ro ]; then "$m" -o remount,bind,ro "$dst"; fi
done
shift
if [ -n "$host" ]; then printf %s "$host" > /proc/sys/kernel/hostname; fi
if [ -n "$wd" ]; then
  [ -d "$wd" ] || mkdir -p "$wd"
  cd "$wd" || { echo "wheelhouse: cannot change to working directory $wd" >&2; exit 126; }
fi
exec "$@"
`;
