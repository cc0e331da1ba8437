import { categoryCodes } from '../groups/categories';

const error = {
	description: 'Błąd',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
};
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'wiskitki' };
const postId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } };
const bearer = [{ bearerAuth: [] }];
const idempotencyKey = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	schema: { type: 'string', minLength: 1, maxLength: 255, example: '5f0c7a4e-2b1d-4c8e-9a51-0e6f3d2b7c11' },
	description:
		'Unikalny klucz żądania (np. UUID), by ponowienie po błędzie sieci nie utworzyło drugiego wpisu: ponowione żądanie z tym samym kluczem i tą samą treścią dostaje pierwszą odpowiedź (nagłówek `Idempotency-Replayed: true`) przez 24 godziny; ten sam klucz z inną treścią albo w trakcie pierwszego żądania — 409. Działa dla każdego zapisu w API.'
};

/** The public JSON API, described for people and tools (OpenAPI 3.1). */
export const openApi = {
	openapi: '3.1.0',
	info: {
		title: 'Tablica API',
		version: '1.0.0',
		description: 'Grupy mieszkańców gmin: posty, komentarze, reakcje. Komunikaty błędów są po polsku.'
	},
	servers: [{ url: '/api/v1' }],
	components: {
		securitySchemes: {
			bearerAuth: {
				type: 'http',
				scheme: 'bearer',
				description:
					'Token dostępu: osobisty (`npm run --silent cli -- token-create --user EMAIL`, strona konta) albo jednostki dla jej systemów (`token-create --unit SLUG`, panel koordynatora); token jednostki publikuje tylko jako ta jednostka'
			}
		},
		schemas: {
			Error: {
				type: 'object',
				required: ['error'],
				properties: {
					error: {
						type: 'object',
						required: ['code', 'message'],
						properties: {
							code: {
								type: 'string',
								enum: [
									'validation',
									'unauthenticated',
									'forbidden',
									'not_found',
									'conflict',
									'payload_too_large',
									'unsupported_media',
									'rate_limited',
									'internal'
								]
							},
							message: { type: 'string' },
							fields: { type: 'object', additionalProperties: { type: 'string' } }
						}
					}
				}
			},
			Group: {
				type: 'object',
				properties: {
					slug: { type: 'string' },
					name: { type: 'string' },
					description: { type: 'string' },
					isPublic: { type: 'boolean' },
					memberCount: { type: 'integer' },
					municipality: {
						type: 'object',
						properties: {
							terytCode: { type: 'string', pattern: '^\\d{7}$' },
							name: { type: 'string' },
							county: { type: 'string' },
							voivodeship: { type: 'string' }
						}
					}
				}
			},
			Counts: {
				type: 'object',
				required: ['comments', 'reactions', 'views', 'shares'],
				properties: {
					comments: { type: 'integer' },
					reactions: { type: 'integer' },
					views: { type: 'integer' },
					shares: { type: 'integer' },
					reactionsByKind: { type: 'object', additionalProperties: { type: 'integer' } }
				}
			},
			Post: {
				type: 'object',
				required: ['id', 'author', 'category', 'body', 'createdAt', 'pinned', 'urgent', 'counts'],
				properties: {
					id: { type: 'string' },
					group: { type: 'string' },
					author: {
						type: 'object',
						required: ['type', 'name'],
						properties: { type: { enum: ['user', 'unit'] }, name: { type: 'string' }, unit: { type: 'object' } }
					},
					category: { type: 'string', enum: categoryCodes },
					body: { type: 'string' },
					status: { enum: ['published', 'pending', 'rejected', 'removed'] },
					createdAt: { type: 'string', format: 'date-time' },
					pinned: { type: 'boolean' },
					urgent: { type: 'boolean' },
					event: {
						type: ['object', 'null'],
						properties: {
							start: { type: 'string', format: 'date-time' },
							end: { type: ['string', 'null'], format: 'date-time' },
							place: { type: ['string', 'null'] }
						}
					},
					images: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								url: { type: 'string' },
								width: { type: 'integer' },
								height: { type: 'integer' },
								alt: { type: 'string' }
							}
						}
					},
					counts: { $ref: '#/components/schemas/Counts' }
				}
			},
			NewPost: {
				type: 'object',
				required: ['body', 'category'],
				properties: {
					body: { type: 'string', maxLength: 10000 },
					category: { type: 'string', enum: categoryCodes },
					as: {
						type: 'string',
						pattern: '^unit:\\d+$',
						description: 'Publikacja w imieniu jednostki, np. "unit:12" (jednostki: GET /groups/{slug}/units)'
					},
					unitId: { type: 'string', description: 'To samo co "as" (sam identyfikator jednostki)' },
					event: {
						type: 'object',
						required: ['start'],
						properties: {
							start: { type: 'string', format: 'date-time' },
							end: { type: 'string', format: 'date-time' },
							place: { type: 'string' }
						}
					},
					draft: { type: 'boolean', description: 'Zapisz jako szkic (widzi go tylko autor i zespół jednostki)' },
					publishAt: {
						type: 'string',
						format: 'date-time',
						description: 'Publikacja automatyczna o tej porze (od minuty do roku naprzód)'
					},
					commentsEnabled: { type: 'boolean', default: true },
					urgent: {
						type: 'object',
						required: ['kind', 'until'],
						description:
							'Komunikat pilny (tylko jednostki, którym pozwolił koordynator): na górze grupy do "until", wysyłany członkom, którzy o to poprosili',
						properties: {
							kind: { enum: ['safety', 'weather', 'utilities', 'roads', 'health', 'other'] },
							until: { type: 'string', format: 'date-time' }
						}
					}
				}
			},
			Unit: {
				type: 'object',
				required: ['id', 'slug', 'name', 'type', 'verified', 'publishing'],
				properties: {
					id: { type: 'string' },
					slug: { type: 'string' },
					name: { type: 'string' },
					type: { type: 'string' },
					typeLabel: { type: 'string' },
					verified: { type: 'boolean' },
					publishing: {
						type: 'boolean',
						description: 'Posty jednostki ukazują się teraz bez akceptacji (pakiet aktywny, jednostka włączona)'
					}
				}
			},
			Created: {
				type: 'object',
				properties: {
					id: { type: 'string' },
					status: { enum: ['published', 'pending', 'draft', 'scheduled'] },
					reasons: { type: 'array', items: { type: 'string' } }
				}
			}
		}
	},
	paths: {
		'/health': {
			get: {
				summary:
					'Stan usługi: 200, gdy baza danych odpowiada i zadania w tle działają; 503 ("degraded") w czasie awarii bazy, do jej powrotu',
				responses: Object.fromEntries(
					[
						[200, 'OK'],
						[503, 'Usługa działa w ograniczonym zakresie']
					].map(([status, description]) => [
						status,
						{
							description,
							content: {
								'application/json': {
									schema: {
										type: 'object',
										required: ['status', 'database', 'jobs'],
										properties: {
											status: { enum: ['ok', 'degraded'] },
											database: { enum: ['ok', 'unavailable'] },
											jobs: { enum: ['ok', 'recovering', 'off'] }
										}
									}
								}
							}
						}
					])
				)
			}
		},
		'/groups': {
			get: {
				summary: 'Lista grup',
				responses: {
					200: {
						description: 'Grupy',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Group' } } }
								}
							}
						}
					}
				}
			}
		},
		'/groups/{slug}': {
			get: {
				summary: 'Jedna grupa',
				parameters: [slug],
				responses: {
					200: {
						description: 'Grupa',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Group' } } }
					},
					404: error
				}
			}
		},
		'/groups/{slug}/posts': {
			get: {
				summary: 'Posty grupy: pilne i przypięte, potem najnowsze',
				parameters: [
					slug,
					{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
					{ name: 'cursor', in: 'query', schema: { type: 'string' } },
					{ name: 'category', in: 'query', schema: { type: 'string', enum: categoryCodes } }
				],
				responses: {
					200: {
						description: 'Strona postów',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										items: { type: 'array', items: { $ref: '#/components/schemas/Post' } },
										nextCursor: { type: ['string', 'null'] }
									}
								}
							}
						}
					},
					400: error,
					401: error,
					403: error,
					404: error
				}
			},
			post: {
				summary: 'Nowy post (opublikowany od razu albo czeka na akceptację)',
				security: bearer,
				parameters: [slug, idempotencyKey],
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPost' } } }
				},
				responses: {
					201: {
						description: 'Utworzono',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Created' } } }
					},
					400: error,
					401: error,
					403: error,
					404: error,
					409: error
				}
			}
		},
		'/groups/{slug}/units': {
			get: {
				summary: 'Jednostki gminy, które publikują w grupie',
				parameters: [slug],
				responses: {
					200: {
						description: 'Jednostki',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Unit' } } }
								}
							}
						}
					},
					404: error
				}
			}
		},
		'/support/tickets': {
			post: {
				summary: 'Zgłoszenie do administratorów (pilne: tylko z potwierdzonym adresem e-mail; dyżurny dostaje SMS)',
				security: bearer,
				parameters: [idempotencyKey],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['kind', 'body'],
								properties: {
									kind: { enum: ['wrongly_held_post', 'violation', 'technical', 'billing', 'other'] },
									priority: { enum: ['urgent', 'normal'], default: 'normal' },
									body: { type: 'string', minLength: 10, maxLength: 5000 },
									postId: {
										type: 'string',
										description: 'Wymagane przy wrongly_held_post (zgłoszenie jest wtedy zawsze pilne)'
									},
									phone: { type: 'string', description: 'Numer do SMS z informacją o rozwiązaniu' }
								}
							}
						}
					}
				},
				responses: {
					201: {
						description: 'Przyjęto',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										ticket: {
											type: 'object',
											properties: {
												id: { type: 'string' },
												kind: { type: 'string' },
												priority: { enum: ['urgent', 'normal'] },
												status: { type: 'string' },
												createdAt: { type: 'string', format: 'date-time' }
											}
										},
										onCallPhone: { type: 'string', example: '+48 600 100 200' }
									}
								}
							}
						}
					},
					400: error,
					401: error,
					403: error,
					404: error,
					409: error,
					429: error
				}
			}
		},
		'/admin/outbox': {
			get: {
				summary: 'Skrzynka nadawcza (operator)',
				security: bearer,
				parameters: [
					{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } }
				],
				responses: {
					200: {
						description: 'Wiadomości, najnowsze pierwsze',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										items: {
											type: 'array',
											items: {
												type: 'object',
												properties: {
													id: { type: 'string' },
													channel: { enum: ['email', 'sms', 'push'] },
													to: { type: 'string' },
													subject: { type: 'string' },
													status: { enum: ['pending', 'sent', 'failed', 'dead'] },
													createdAt: { type: 'string', format: 'date-time' }
												}
											}
										}
									}
								}
							}
						}
					},
					400: error,
					401: error,
					403: error
				}
			}
		},
		'/posts/{id}': {
			get: {
				summary: 'Jeden post',
				parameters: [postId],
				responses: {
					200: {
						description: 'Post',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Post' } } }
					},
					404: error
				}
			}
		},
		'/posts/{id}/comments': {
			get: {
				summary: 'Komentarze (wątki)',
				parameters: [postId],
				responses: { 200: { description: 'Komentarze' }, 404: error }
			},
			post: {
				summary: 'Nowy komentarz lub odpowiedź',
				security: bearer,
				parameters: [postId, idempotencyKey],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['body'],
								properties: { body: { type: 'string', maxLength: 5000 }, parentId: { type: 'string' } }
							}
						}
					}
				},
				responses: {
					201: {
						description: 'Utworzono',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Created' } } }
					},
					400: error,
					401: error,
					403: error,
					404: error,
					409: error
				}
			}
		},
		'/posts/{id}/reaction': {
			put: {
				summary: 'Moja reakcja (jedna na post, można zmienić)',
				security: bearer,
				parameters: [postId],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['kind'],
								properties: { kind: { enum: ['like', 'love', 'haha', 'wow', 'sad', 'angry'] } }
							}
						}
					}
				},
				responses: { 200: { description: 'Zapisano' }, 400: error, 401: error, 403: error, 404: error }
			},
			delete: {
				summary: 'Usuń moją reakcję',
				security: bearer,
				parameters: [postId],
				responses: { 200: { description: 'Usunięto' }, 401: error, 404: error }
			}
		},
		'/posts/{id}/share': {
			post: {
				summary: 'Udostępnienie: zwraca link i licznik (liczone raz na osobę i post; roboty się nie liczą)',
				parameters: [postId],
				responses: { 200: { description: 'Link' }, 404: error, 409: error }
			}
		},
		'/views': {
			post: {
				summary: 'Posty, które przeglądarka pokazała na ekranie (wyświetlenie liczone raz na osobę, post i dzień)',
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['postIds'],
								properties: {
									postIds: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', pattern: '^\\d+$' } }
								}
							}
						}
					}
				},
				responses: {
					200: {
						description: 'Ile postów dostało nowe wyświetlenie',
						content: {
							'application/json': { schema: { type: 'object', properties: { counted: { type: 'integer' } } } }
						}
					},
					400: error
				}
			}
		},
		'/suggest': {
			get: {
				summary: 'Podpowiedzi gmin z grupą (bez względu na polskie znaki)',
				parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 } }],
				responses: { 200: { description: 'Gminy' } }
			}
		},
		'/moderation/check': {
			post: {
				summary: 'Co zdecyduje moderacja o tym tekście, zanim zostanie opublikowany',
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['text', 'group'],
								properties: {
									text: { type: 'string', maxLength: 10000 },
									group: { type: 'string', example: 'wiskitki' },
									as: { type: ['string', 'null'], pattern: '^\\d+$' },
									kind: { enum: ['post', 'comment'], default: 'post' }
								}
							}
						}
					}
				},
				responses: { 200: { description: 'Decyzja i uwagi' }, 400: error, 403: error, 404: error }
			}
		},
		'/push/key': {
			get: {
				summary: 'Publiczny klucz VAPID serwera (dla subskrypcji push przeglądarki)',
				responses: { 200: { description: 'Klucz' } }
			}
		},
		'/push/subscriptions': {
			post: {
				summary:
					'Subskrypcja push tego urządzenia (adres tylko usługi push przeglądarki: FCM, Mozilla, Apple, Windows)',
				security: bearer,
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['endpoint', 'keys'],
								properties: {
									endpoint: { type: 'string', format: 'uri', example: 'https://fcm.googleapis.com/fcm/send/…' },
									keys: {
										type: 'object',
										required: ['p256dh', 'auth'],
										properties: { p256dh: { type: 'string' }, auth: { type: 'string' } }
									}
								}
							}
						}
					}
				},
				responses: { 201: { description: 'Zapisano' }, 400: error, 401: error }
			},
			delete: {
				summary: 'Wyłącz powiadomienia push na tym urządzeniu',
				security: bearer,
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { type: 'object', required: ['endpoint'], properties: { endpoint: { type: 'string' } } }
						}
					}
				},
				responses: { 200: { description: 'Usunięto' }, 400: error, 401: error }
			}
		}
	}
} as const;
