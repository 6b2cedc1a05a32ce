// The fixed script a netns sandbox runs between `unshare` and the container's argv, inside the pod's
// fresh mount and UTS namespaces. It takes everything as arguments, never as text to evaluate:
//   sh -c ENTER_SCRIPT wheelhouse-enter MOUNT HOSTNAME WORKDIR FSTAB-FILE [d|f POINT]... -- ARGV...
// FSTAB-FILE (mount-table.ts; libmount cannot parse a pipe) goes to one `mount -a`; mounts are private to the namespace (unshare
// --propagation private), so the host sees none of them. A missing mount point is made first, on the
// host as `docker run -v` does (it stays empty there). Built-ins only, apart from mount and mkdir.
export const ENTER_SCRIPT = `m=$1; host=$2; wd=$3; tab=$4; shift 4
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  if [ "$1" = d ]; then
    [ -d "$2" ] || mkdir -p "$2"
  elif [ ! -e "$2" ]; then
    d=\${2%/*}; [ -z "$d" ] || [ -d "$d" ] || mkdir -p "$d"; : > "$2"
  fi
  shift 2
done
shift
"$m" -a -T "$tab" || { echo "wheelhouse: cannot mount the pod's volumes" >&2; exit 126; }
if [ -n "$host" ]; then printf %s "$host" > /proc/sys/kernel/hostname || exit 126; fi
if [ -n "$wd" ]; then
  [ -d "$wd" ] || mkdir -p "$wd"
  cd "$wd" || { echo "wheelhouse: cannot change to working directory $wd" >&2; exit 126; }
fi
exec "$@"
`;
