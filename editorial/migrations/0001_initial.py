# PageReview and ContentHealth, moved here from the conditions app: the table stays
# conditions_pagereview, and the content types (with the permissions that staff roles hold)
# are renamed rather than made anew, so a running site migrates without losing anything.

import common.validators
import django.db.models.deletion
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    for model in ('pagereview', 'contenthealth'):
        if not ContentType.objects.filter(app_label='editorial', model=model).exists():
            ContentType.objects.filter(app_label='conditions', model=model).update(app_label='editorial')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cms', '0045_pageurl_site_unique_path'),
        ('conditions', '0006_reviews_move_to_editorial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PageReview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reviewed_by', models.CharField(blank=True, max_length=120, validators=[common.validators.single_line, common.validators.no_markup], verbose_name='reviewed by')),
                        ('reviewer_credentials', models.CharField(blank=True, help_text='For example: MD, Consultant neurologist', max_length=120, validators=[common.validators.single_line, common.validators.no_markup], verbose_name="reviewer's credentials")),
                        ('reviewed_on', models.DateField(blank=True, null=True, verbose_name='reviewed on')),
                        ('next_review_due', models.DateField(blank=True, help_text='Leave empty to use the review date plus the usual review period (24 months).', null=True, verbose_name='next review due')),
                        ('extended_object', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='cms.pagecontent')),
                    ],
                    options={
                        'verbose_name': 'clinical review',
                        'verbose_name_plural': 'clinical reviews',
                        'db_table': 'conditions_pagereview',
                    },
                ),
                migrations.CreateModel(
                    name='ContentHealth',
                    fields=[],
                    options={
                        'verbose_name': 'content health',
                        'verbose_name_plural': 'content health',
                        'proxy': True,
                        'default_permissions': ('view',),
                        'indexes': [],
                        'constraints': [],
                    },
                    bases=('editorial.pagereview',),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
