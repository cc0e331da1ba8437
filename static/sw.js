// Tablica's service worker: shows web push notifications and opens their link when clicked.
self.addEventListener('push', (event) => {
	let data = { title: 'Tablica', body: '', url: '/' };
	try {
		data = { ...data, ...event.data.json() };
	} catch {
		data.body = event.data ? event.data.text() : '';
	}
	event.waitUntil(
		self.registration.showNotification(data.title, {
			body: data.body,
			data: { url: data.url },
			lang: 'pl',
			icon: '/favicon.svg'
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	event.waitUntil(self.clients.openWindow(event.notification.data?.url || '/'));
});
