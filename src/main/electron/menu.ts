// The application menu: the standard roles, plus opening the built-in cluster's kubeconfig folder.
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';

export function installMenu(kubeconfigDir: () => string | undefined): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Cluster',
      submenu: [
        {
          label: 'Show Local Cluster Kubeconfig',
          click: () => {
            const dir = kubeconfigDir();
            if (dir) void shell.openPath(dir);
          },
        },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
